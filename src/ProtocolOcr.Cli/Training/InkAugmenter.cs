using OpenCvSharp;

namespace ProtocolOcr.Cli.Training;

/// <summary>
/// Random variations of one ink mask (CV_32FC1, white on black) as a writer or a phone would make them: rotation,
/// uneven scale, slant, stroke thickness, and the European forms of 1 (long flag) and 7 (crossed).
/// Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class InkAugmenter
{
    /// <summary>Works at a height of about 84 px so thickness steps of one pixel are a third of an MNIST pixel.</summary>
    private const int WorkingHeight = 84;

    public static Mat Vary(Mat ink, int digit, Random random, double europeanChance)
    {
        using var large = ToWorkingSize(ink);
        using var shaped = Warp(large, random);
        var result = Thickness(shaped, random);
        if (random.NextDouble() < europeanChance)
        {
            if (digit == 7)
            {
                CrossSeven(result);
            }
            else if (digit == 1)
            {
                FlagOne(result);
            }
        }

        return result;
    }

    private static Mat ToWorkingSize(Mat ink)
    {
        var scale = (double)WorkingHeight / ink.Height;
        var resized = new Mat();
        Cv2.Resize(ink, resized, new Size(Math.Max(1, (int)Math.Round(ink.Width * scale)), WorkingHeight), 0, 0, InterpolationFlags.Cubic);
        Cv2.Threshold(resized, resized, 1, 1, ThresholdTypes.Trunc);
        Cv2.Threshold(resized, resized, 0, 0, ThresholdTypes.Tozero);
        return resized;
    }

    private static Mat Warp(Mat ink, Random random)
    {
        var angle = (random.NextDouble() * 2 - 1) * 12 * Math.PI / 180;
        var scaleX = 0.8 + random.NextDouble() * 0.4;
        var scaleY = 0.9 + random.NextDouble() * 0.2;
        var shear = (random.NextDouble() * 2 - 1) * 0.3;
        double cos = Math.Cos(angle), sin = Math.Sin(angle);
        // Linear part: rotation * shear * scale; then centred in a frame large enough for any of them.
        var a = cos * scaleX;
        var b = cos * shear * scaleY - sin * scaleY;
        var c = sin * scaleX;
        var d = sin * shear * scaleY + cos * scaleY;
        var side = (int)(Math.Max(ink.Width, ink.Height) * 2.2);
        double centreX = ink.Width / 2.0, centreY = ink.Height / 2.0;
        using var transform = new Mat(2, 3, MatType.CV_64FC1);
        transform.Set(0, 0, a);
        transform.Set(0, 1, b);
        transform.Set(0, 2, side / 2.0 - (a * centreX + b * centreY));
        transform.Set(1, 0, c);
        transform.Set(1, 1, d);
        transform.Set(1, 2, side / 2.0 - (c * centreX + d * centreY));
        var warped = new Mat();
        Cv2.WarpAffine(ink, warped, transform, new Size(side, side), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        return warped;
    }

    private static Mat Thickness(Mat ink, Random random)
    {
        var steps = random.Next(-2, 4);
        var result = ink.Clone();
        if (steps == 0)
        {
            return result;
        }

        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(3, 3));
        for (var step = 0; step < Math.Abs(steps); step++)
        {
            if (steps > 0)
            {
                Cv2.Dilate(result, result, kernel);
            }
            else
            {
                Cv2.Erode(result, result, kernel);
            }
        }

        if (Cv2.CountNonZero(result) == 0)
        {
            ink.CopyTo(result);
        }

        return result;
    }

    private static void CrossSeven(Mat ink)
    {
        var bounds = Bounds(ink);
        var y = bounds.Y + (int)(bounds.Height * 0.55);
        using var row = ink.Row(y);
        Cv2.MinMaxLoc(row, out _, out _, out _, out Point stem);
        var half = Math.Max(2, (int)(bounds.Height * 0.2));
        Cv2.Line(ink, new Point(stem.X - half, y), new Point(stem.X + half, y), Scalar.All(1), StrokePixels(ink), LineTypes.AntiAlias);
    }

    private static void FlagOne(Mat ink)
    {
        var bounds = Bounds(ink);
        using var row = ink.Row(bounds.Y + 1);
        Cv2.MinMaxLoc(row, out _, out _, out _, out Point top);
        var length = bounds.Height * 0.35;
        var start = new Point(top.X, bounds.Y + 1);
        var end = new Point((int)(start.X - length * 0.75), (int)(start.Y + length * 0.65));
        Cv2.Line(ink, start, end, Scalar.All(1), StrokePixels(ink), LineTypes.AntiAlias);
    }

    private static Rect Bounds(Mat ink)
    {
        using var mask = new Mat();
        Cv2.Threshold(ink, mask, 0.2, 255, ThresholdTypes.Binary);
        mask.ConvertTo(mask, MatType.CV_8UC1);
        return Cv2.BoundingRect(mask);
    }

    private static int StrokePixels(Mat ink) =>
        Math.Max(1, (int)Math.Round(Recognition.Handwriting.DigitNormalizer.StrokeWidth(ink)));
}
