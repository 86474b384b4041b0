using OpenCvSharp;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// Brings one digit image into the MNIST convention (<see cref="NormalizedDigit"/>). The one function used both to
/// train the digit engine and to read photos, so training and run time see the same kind of input.
/// Steps: ink = contrast-stretched inverse of the paper image; slant removed by a shear from second-order moments
/// around the centre of mass; stroke width brought near MNIST's; bounding box scaled to fit 20x20; centre of mass
/// moved to the centre of the 28x28 frame.
/// </summary>
public static class DigitNormalizer
{
    private const int Box = 20;
    private const double InkThreshold = 0.2;
    private const double MaxSkew = 0.8;

    /// <summary>MNIST's stroke width in pixels at the 20x20 scale (2 * area / perimeter of the ink), measured on the Train part.</summary>
    private const double TargetStrokeWidth = 2.6;

    /// <summary>A digit written dark on light paper (CV_8UC1, any size). Null when the image holds no ink.</summary>
    public static NormalizedDigit? FromPaper(Mat gray)
    {
        ArgumentNullException.ThrowIfNull(gray);
        if (gray.Type() != MatType.CV_8UC1)
        {
            throw new ArgumentException($"Expected an 8-bit grayscale image, got {gray.Type()}.", nameof(gray));
        }

        Cv2.MinMaxLoc(gray, out double darkest, out double lightest);
        if (lightest - darkest < 32)
        {
            return null;
        }

        using var ink = new Mat();
        // Paper maps to 0 and the darkest ink to 1.
        // A linear map, so an MNIST digit printed on paper comes back as the very ink the engine was trained on.
        // Paper texture is the caller's to remove (the field reader binarizes first).
        gray.ConvertTo(ink, MatType.CV_32FC1, -1.0 / (lightest - darkest), lightest / (lightest - darkest));
        return FromInk(ink);
    }

    /// <summary>A digit as an ink mask (CV_32FC1, 0..1, white on black, any size). Null when it holds no ink.</summary>
    public static NormalizedDigit? FromInk(Mat ink)
    {
        ArgumentNullException.ThrowIfNull(ink);
        if (ink.Type() != MatType.CV_32FC1)
        {
            throw new ArgumentException($"Expected a CV_32FC1 ink mask, got {ink.Type()}.", nameof(ink));
        }

        using var bounds = InkBounds(ink, out var rect);
        if (rect.Width == 0 || rect.Height == 0)
        {
            return null;
        }

        var margin = Math.Max(rect.Width, rect.Height);
        using var padded = new Mat();
        using (var cropped = new Mat(ink, rect))
        {
            Cv2.CopyMakeBorder(cropped, padded, margin, margin, margin, margin, BorderTypes.Constant, Scalar.All(0));
        }

        using var upright = Deskew(padded);
        using var uprightBounds = InkBounds(upright, out var uprightRect);
        if (uprightRect.Width == 0 || uprightRect.Height == 0)
        {
            return null;
        }

        using var tight = new Mat(upright, uprightRect).Clone();
        var scale = (double)Box / Math.Max(uprightRect.Width, uprightRect.Height);
        using var thick = MatchStrokeWidth(tight, scale);
        return Frame(thick, scale);
    }

    private static Mat InkBounds(Mat ink, out Rect rect)
    {
        var mask = new Mat();
        Cv2.Threshold(ink, mask, InkThreshold, 255, ThresholdTypes.Binary);
        mask.ConvertTo(mask, MatType.CV_8UC1);
        rect = Cv2.BoundingRect(mask);
        return mask;
    }

    private static Mat Deskew(Mat ink)
    {
        var moments = Cv2.Moments(ink);
        var upright = new Mat();
        if (Math.Abs(moments.Mu02) < 1e-2)
        {
            ink.CopyTo(upright);
            return upright;
        }

        var skew = Math.Clamp(moments.Mu11 / moments.Mu02, -MaxSkew, MaxSkew);
        var centreY = moments.M01 / moments.M00;
        // x' = x - skew * (y - centreY): rows keep their height, columns lean back to vertical.
        using var transform = new Mat(2, 3, MatType.CV_64FC1);
        transform.Set(0, 0, 1.0);
        transform.Set(0, 1, -skew);
        transform.Set(0, 2, skew * centreY);
        transform.Set(1, 0, 0.0);
        transform.Set(1, 1, 1.0);
        transform.Set(1, 2, 0.0);
        Cv2.WarpAffine(ink, upright, transform, ink.Size(), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        return upright;
    }

    /// <summary>
    /// Thin pen lines shrink to hairlines at the 20x20 scale, unlike MNIST's thick strokes: thickens (never thins)
    /// the ink at its own resolution so its stroke width after scaling is near MNIST's.
    /// </summary>
    private static Mat MatchStrokeWidth(Mat ink, double scale)
    {
        var width = StrokeWidth(ink);
        var wanted = TargetStrokeWidth / scale;
        var grow = (int)Math.Round(wanted - width);
        var result = new Mat();
        if (width <= 0 || grow < 2)
        {
            ink.CopyTo(result);
            return result;
        }

        var margin = grow;
        using var padded = new Mat();
        Cv2.CopyMakeBorder(ink, padded, margin, margin, margin, margin, BorderTypes.Constant, Scalar.All(0));
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(grow + 1, grow + 1));
        Cv2.Dilate(padded, result, kernel);
        return result;
    }

    /// <summary>Stroke width in pixels: twice the ink area over its outline length (a long stroke of width w has area L*w, outline 2L).</summary>
    public static double StrokeWidth(Mat ink)
    {
        using var mask = InkBounds(ink, out _);
        var area = Cv2.CountNonZero(mask);
        if (area == 0)
        {
            return 0;
        }

        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxNone);
        var perimeter = contours.Sum(contour => Cv2.ArcLength(contour, true));
        return perimeter <= 0 ? 0 : 2 * area / perimeter;
    }

    private static NormalizedDigit Frame(Mat ink, double scale)
    {
        // Scale so the original (pre-thickening) ink box fits 20x20; area averaging keeps thin lines grey, not gone.
        var width = Math.Max(1, (int)Math.Round(ink.Width * scale));
        var height = Math.Max(1, (int)Math.Round(ink.Height * scale));
        using var small = new Mat();
        Cv2.Resize(ink, small, new Size(width, height), 0, 0, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear);
        Cv2.Threshold(small, small, 1, 1, ThresholdTypes.Trunc);
        var moments = Cv2.Moments(small);
        double centreX = width / 2.0, centreY = height / 2.0;
        if (moments.M00 > 0)
        {
            centreX = moments.M10 / moments.M00;
            centreY = moments.M01 / moments.M00;
        }

        using var transform = new Mat(2, 3, MatType.CV_64FC1);
        transform.Set(0, 0, 1.0);
        transform.Set(0, 1, 0.0);
        transform.Set(0, 2, NormalizedDigit.Side / 2.0 - centreX);
        transform.Set(1, 0, 0.0);
        transform.Set(1, 1, 1.0);
        transform.Set(1, 2, NormalizedDigit.Side / 2.0 - centreY);
        using var framed = new Mat();
        Cv2.WarpAffine(small, framed, transform, new Size(NormalizedDigit.Side, NormalizedDigit.Side), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        // Rounding in the paper-to-ink map can leave -1e-8 where paper was: MNIST has no negative ink.
        Cv2.Threshold(framed, framed, 0, 0, ThresholdTypes.Tozero);
        var pixels = new float[NormalizedDigit.Side * NormalizedDigit.Side];
        framed.GetArray(out float[] values);
        values.CopyTo(pixels, 0);
        return new NormalizedDigit(pixels);
    }
}
