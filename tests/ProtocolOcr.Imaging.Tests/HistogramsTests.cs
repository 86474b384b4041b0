using OpenCvSharp;

namespace ProtocolOcr.Imaging.Tests;

public sealed class HistogramsTests
{
    [Fact]
    public void The_median_is_the_middle_element_of_the_sorted_pixels_of_a_random_crop()
    {
        var random = new Random(7);
        foreach (var (rows, cols) in new[] { (82, 346), (3, 5), (1, 2), (60, 61) })
        {
            using var crop = new Mat(rows, cols, MatType.CV_8UC1);
            var pixels = new byte[rows * cols];
            random.NextBytes(pixels);
            crop.SetArray(pixels);
            var sorted = pixels.Order().ToArray();

            Assert.Equal(sorted[sorted.Length / 2], Histograms.Median(crop));
        }
    }

    [Fact]
    public void The_median_of_a_crop_mostly_paper_is_the_paper()
    {
        using var crop = new Mat(40, 100, MatType.CV_8UC1, new Scalar(231));
        Cv2.Line(crop, new Point(10, 5), new Point(30, 35), new Scalar(40), 4);

        Assert.Equal(231, Histograms.Median(crop));
    }

    [Fact]
    public void A_percentile_is_the_first_level_by_which_more_than_its_share_is_counted()
    {
        double[] histogram = [0, 10, 0, 30, 60];

        Assert.Equal(1, Histograms.Percentile(histogram, 100, 0.05));
        Assert.Equal(3, Histograms.Percentile(histogram, 100, 0.10));
        Assert.Equal(4, Histograms.Percentile(histogram, 100, 0.40));
        Assert.Equal(4, Histograms.Percentile(histogram, 100, 0.999));
    }

    [Fact]
    public void The_median_refuses_a_colour_image()
    {
        using var colour = new Mat(4, 4, MatType.CV_8UC3, Scalar.White);

        Assert.Throws<ArgumentException>(() => Histograms.Median(colour));
    }
}
