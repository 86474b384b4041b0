using OpenCvSharp;
using ProtocolOcr.Synthetic.Handwriting;

namespace ProtocolOcr.Recognition.Tests.Handwriting;

/// <summary>Digit images as a phone would show them: dark ink on light paper, 8-bit grey.</summary>
internal static class DigitImages
{
    public static Mat MnistOnPaper(MnistSample sample, int height)
    {
        using var ink = Mat.FromPixelData(MnistSample.Side, MnistSample.Side, MatType.CV_32FC1, sample.Pixels);
        return InkOnPaper(ink, height);
    }

    /// <summary>An ink mask (CV_32FC1, 0..1) scaled to <paramref name="height"/> and printed dark (40) on paper (230).</summary>
    public static Mat InkOnPaper(Mat ink, int height)
    {
        var width = Math.Max(1, (int)Math.Round(ink.Width * (double)height / ink.Height));
        using var scaled = new Mat();
        Cv2.Resize(ink, scaled, new Size(width, height), 0, 0, InterpolationFlags.Cubic);
        Cv2.Threshold(scaled, scaled, 1, 1, ThresholdTypes.Trunc);
        Cv2.Threshold(scaled, scaled, 0, 0, ThresholdTypes.Tozero);
        var paper = new Mat();
        scaled.ConvertTo(paper, MatType.CV_8UC1, -190, 230);
        return paper;
    }
}
