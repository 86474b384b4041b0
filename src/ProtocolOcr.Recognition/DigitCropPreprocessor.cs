using OpenCvSharp;

namespace ProtocolOcr.Recognition;

/// <summary>
/// Prepares a field crop for a line reader: grey, 2x upscale under 60 px (Tesseract wants taller glyphs), Otsu
/// threshold, removal of the box's printed borders and cell dividers (long straight strokes, which Tesseract reads as
/// 1s), and of specks too short to be a digit.
/// </summary>
public static class DigitCropPreprocessor
{
    private const int MinHeight = 60;
    private const double HorizontalLineFraction = 0.4;
    private const double VerticalLineFraction = 0.75;
    private const double MinDigitHeightFraction = 0.25;
    private const int Padding = 12;

    public static PreparedDigits Prepare(Mat crop)
    {
        using var gray = new Mat();
        if (crop.Channels() == 1)
        {
            crop.CopyTo(gray);
        }
        else
        {
            Cv2.CvtColor(crop, gray, ColorConversionCodes.BGR2GRAY);
        }

        if (gray.Height < MinHeight)
        {
            Cv2.Resize(gray, gray, new Size(), 2, 2, InterpolationFlags.Cubic);
        }

        using var ink = new Mat();
        Cv2.Threshold(gray, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        RemoveStraightLines(ink);
        int components = KeepDigitSizedComponents(ink);

        var prepared = new Mat();
        using var dark = new Mat();
        Cv2.BitwiseNot(ink, dark);
        Cv2.CopyMakeBorder(dark, prepared, Padding, Padding, Padding, Padding, BorderTypes.Constant, Scalar.White);
        return new PreparedDigits(prepared, components);
    }

    private static void RemoveStraightLines(Mat ink)
    {
        using var horizontalKernel = Cv2.GetStructuringElement(
            MorphShapes.Rect, new Size(Math.Max(3, (int)(ink.Width * HorizontalLineFraction)), 1));
        using var verticalKernel = Cv2.GetStructuringElement(
            MorphShapes.Rect, new Size(1, Math.Max(3, (int)(ink.Height * VerticalLineFraction))));
        using var horizontal = new Mat();
        using var vertical = new Mat();
        Cv2.MorphologyEx(ink, horizontal, MorphTypes.Open, horizontalKernel);
        Cv2.MorphologyEx(ink, vertical, MorphTypes.Open, verticalKernel);
        using var lines = new Mat();
        Cv2.BitwiseOr(horizontal, vertical, lines);
        using var grow = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));
        Cv2.Dilate(lines, lines, grow);
        Cv2.Subtract(ink, lines, ink);
    }

    /// <summary>Erases connected components shorter than a digit could be; returns how many remain.</summary>
    private static int KeepDigitSizedComponents(Mat ink)
    {
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        int count = Cv2.ConnectedComponentsWithStats(ink, labels, stats, centroids);
        int minHeight = (int)(ink.Height * MinDigitHeightFraction);
        int kept = 0;
        for (int label = 1; label < count; label++)
        {
            int height = stats.At<int>(label, (int)ConnectedComponentsTypes.Height);
            if (height >= minHeight)
            {
                kept++;
                continue;
            }

            var bounds = new Rect(
                stats.At<int>(label, (int)ConnectedComponentsTypes.Left),
                stats.At<int>(label, (int)ConnectedComponentsTypes.Top),
                stats.At<int>(label, (int)ConnectedComponentsTypes.Width),
                height);
            using var labelsInBounds = new Mat(labels, bounds);
            using var inkInBounds = new Mat(ink, bounds);
            using var component = new Mat();
            Cv2.InRange(labelsInBounds, new Scalar(label), new Scalar(label), component);
            inkInBounds.SetTo(Scalar.Black, component);
        }

        return kept;
    }
}
