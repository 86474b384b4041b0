using OpenCvSharp;
using ProtocolOcr.Recognition;

namespace ProtocolOcr.Recognition.Tests;

public sealed class GreyMedianTests
{
    [Fact]
    public void Equals_the_middle_element_of_the_sorted_pixels_of_a_random_crop()
    {
        var random = new Random(7);
        foreach (var (rows, cols) in new[] { (82, 346), (3, 5), (1, 2), (60, 61) })
        {
            using var crop = new Mat(rows, cols, MatType.CV_8UC1);
            var pixels = new byte[rows * cols];
            random.NextBytes(pixels);
            crop.SetArray(pixels);
            var sorted = pixels.Order().ToArray();

            Assert.Equal(sorted[sorted.Length / 2], GreyMedian.Of(crop));
        }
    }

    [Fact]
    public void Is_the_paper_of_a_crop_mostly_paper()
    {
        using var crop = new Mat(40, 100, MatType.CV_8UC1, new Scalar(231));
        Cv2.Line(crop, new Point(10, 5), new Point(30, 35), new Scalar(40), 4);

        Assert.Equal(231, GreyMedian.Of(crop));
    }

    [Fact]
    public void Refuses_a_colour_image()
    {
        using var colour = new Mat(4, 4, MatType.CV_8UC3, Scalar.White);

        Assert.Throws<ArgumentException>(() => GreyMedian.Of(colour));
    }
}
