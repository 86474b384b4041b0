using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// Makes digit ink masks in a <see cref="WritingStyle"/>: MNIST Test-part digits (smoothly upscaled, stroke width
/// set by a soft threshold) or font digits; adds European forms (crossed 7, flagged 1) and the writer's slant.
/// </summary>
public sealed class DigitGlyphFactory(MnistDigits mnist, GlyphRasterizer rasterizer)
{
    public DigitGlyph Create(int digit, int height, WritingStyle style, Random random)
    {
        height = Math.Max(6, height);
        int? mnistIndex = null;
        Mat upright;
        if (style.FontPath is null)
        {
            var sample = mnist.Pick(digit, MnistPart.Test, random);
            mnistIndex = sample.IndexInClass;
            upright = FromMnist(sample, height, style.StrokeThreshold);
        }
        else
        {
            upright = FromFont(style.FontPath, digit, height, style.StrokeDelta);
        }

        using (upright)
        {
            if (digit == 7 && style.CrossedSeven)
            {
                SevenCrossing.Draw(upright, random);
            }
            else if (digit == 1 && style.FlaggedOne && style.FontPath is null)
            {
                FlagOne(upright);
            }

            var slant = style.Slant + (random.NextDouble() * 2 - 1) * style.SlantJitter;
            return new DigitGlyph(digit, Shear(upright, slant), mnistIndex);
        }
    }

    private static Mat FromMnist(MnistSample sample, int height, double strokeThreshold)
    {
        using var pixels = Mat.FromPixelData(MnistSample.Side, MnistSample.Side, MatType.CV_32FC1, sample.Pixels);
        using var binary = new Mat();
        Cv2.Threshold(pixels, binary, 0.05, 1, ThresholdTypes.Binary);
        using var binary8 = new Mat();
        binary.ConvertTo(binary8, MatType.CV_8UC1);
        var bounds = Cv2.BoundingRect(binary8);
        using var cropped = new Mat(pixels, bounds);
        var width = Math.Max(2, (int)Math.Round(bounds.Width * (double)height / bounds.Height));
        using var resized = new Mat();
        Cv2.Resize(cropped, resized, new Size(width, height), 0, 0, InterpolationFlags.Cubic);
        // A soft threshold on the smooth upscale draws a pen line: higher thresholds give thinner strokes.
        var gain = 1 / Math.Max(0.15, 1 - strokeThreshold) * 1.6;
        var ink = new Mat();
        resized.ConvertTo(ink, MatType.CV_32FC1, gain, -strokeThreshold * gain);
        Cv2.Threshold(ink, ink, 1, 1, ThresholdTypes.Trunc);
        Cv2.Threshold(ink, ink, 0, 0, ThresholdTypes.Tozero);
        return ink;
    }

    private Mat FromFont(string fontPath, int digit, int height, int strokeDelta)
    {
        using var master = rasterizer.Character(fontPath, (char)('0' + digit));
        var width = Math.Max(2, (int)Math.Round(master.Width * (double)height / master.Height));
        var ink = new Mat();
        Cv2.Resize(master, ink, new Size(width, height), 0, 0, InterpolationFlags.Area);
        if (strokeDelta != 0 && height >= 20)
        {
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(2, 2));
            if (strokeDelta > 0)
            {
                Cv2.Dilate(ink, ink, kernel);
            }
            else
            {
                Cv2.Erode(ink, ink, kernel);
            }
        }

        return ink;
    }

    internal static int StrokeWidth(Mat ink) => Math.Max(1, (int)Math.Round(ink.Height * 0.08));

    private static void FlagOne(Mat ink)
    {
        using var topRow = ink.Row(1);
        Cv2.MinMaxLoc(topRow, out _, out _, out _, out Point maxLocation);
        var length = ink.Height * 0.3;
        var top = new Point(maxLocation.X, 1);
        var end = new Point((int)(top.X - length * 0.75), (int)(top.Y + length * 0.65));
        Cv2.Line(ink, top, end, Scalar.All(1), StrokeWidth(ink), LineTypes.AntiAlias);
    }

    private static Mat Shear(Mat upright, double slant)
    {
        var extra = (int)Math.Ceiling(Math.Abs(slant) * upright.Height);
        // x' = x + slant * (height - y): the top leans right for a positive slant.
        using var transform = new Mat(2, 3, MatType.CV_64FC1);
        transform.Set(0, 0, 1.0);
        transform.Set(0, 1, -slant);
        transform.Set(0, 2, slant > 0 ? slant * upright.Height : 0.0);
        transform.Set(1, 0, 0.0);
        transform.Set(1, 1, 1.0);
        transform.Set(1, 2, 0.0);
        var sheared = new Mat();
        Cv2.WarpAffine(upright, sheared, transform, new Size(upright.Width + extra, upright.Height), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        return sheared;
    }
}
