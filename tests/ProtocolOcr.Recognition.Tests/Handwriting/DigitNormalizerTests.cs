using OpenCvSharp;
using ProtocolOcr.Recognition.Handwriting;
using ProtocolOcr.Synthetic.Handwriting;

namespace ProtocolOcr.Recognition.Tests.Handwriting;

public sealed class DigitNormalizerTests : IClassFixture<DigitEngine>
{
    private readonly DigitEngine engine;

    public DigitNormalizerTests(DigitEngine engine) => this.engine = engine;

    [Theory]
    [InlineData(3, 0, 24)]
    [InlineData(7, 5, 60)]
    [InlineData(1, 9, 120)]
    public void Output_follows_the_mnist_convention(int digit, int ordinal, int height)
    {
        using var paper = DigitImages.MnistOnPaper(engine.Mnist.Get(digit, MnistPart.Test, ordinal), height);

        var normalized = DigitNormalizer.FromPaper(paper)!;

        Assert.Equal(NormalizedDigit.Side * NormalizedDigit.Side, normalized.Pixels.Length);
        Assert.All(normalized.Pixels, value => Assert.InRange(value, 0f, 1f));
        var (centreX, centreY) = CentreOfMass(normalized);
        Assert.InRange(centreX, 13.5, 14.5);
        Assert.InRange(centreY, 13.5, 14.5);
        var (width, height20) = InkBox(normalized);
        Assert.InRange(Math.Max(width, height20), 18, 23);
    }

    [Fact]
    public void The_same_digit_at_different_sizes_normalizes_alike()
    {
        var sample = engine.Mnist.Get(4, MnistPart.Test, 3);
        using var small = DigitImages.MnistOnPaper(sample, 28);
        using var large = DigitImages.MnistOnPaper(sample, 112);

        var difference = MeanAbsoluteDifference(DigitNormalizer.FromPaper(small)!, DigitNormalizer.FromPaper(large)!);

        Assert.InRange(difference, 0, 0.08);
    }

    [Fact]
    public void Slant_is_removed()
    {
        using var master = engine.Rasterizer.Character(engine.Fonts.Printed[0], '1');
        using var upright = DigitImages.InkOnPaper(master, 60);
        using var slanted = Shear(upright, 0.35);

        var difference = MeanAbsoluteDifference(DigitNormalizer.FromPaper(upright)!, DigitNormalizer.FromPaper(slanted)!);

        Assert.InRange(difference, 0, 0.08);
    }

    [Fact]
    public void A_thin_pen_line_is_thickened_towards_mnist_strokes()
    {
        using var paper = new Mat(80, 60, MatType.CV_8UC1, Scalar.All(230));
        Cv2.Line(paper, new Point(30, 8), new Point(30, 72), Scalar.All(40), 2);

        var normalized = DigitNormalizer.FromPaper(paper)!;

        var inkPixels = normalized.Pixels.Count(value => value > 0.5f);
        Assert.InRange(inkPixels, 40, 120);
    }

    [Fact]
    public void Blank_paper_has_no_digit()
    {
        using var paper = new Mat(40, 30, MatType.CV_8UC1, Scalar.All(220));

        Assert.Null(DigitNormalizer.FromPaper(paper));
    }

    [Fact]
    public void A_colour_image_is_refused_with_a_reason()
    {
        using var colour = new Mat(40, 30, MatType.CV_8UC3, Scalar.All(220));

        var error = Assert.Throws<ArgumentException>(() => DigitNormalizer.FromPaper(colour));
        Assert.Contains("8-bit grayscale", error.Message, StringComparison.Ordinal);
    }

    private static Mat Shear(Mat paper, double slant)
    {
        var extra = (int)Math.Ceiling(slant * paper.Height);
        using var transform = new Mat(2, 3, MatType.CV_64FC1);
        transform.Set(0, 0, 1.0);
        transform.Set(0, 1, -slant);
        transform.Set(0, 2, slant * paper.Height);
        transform.Set(1, 0, 0.0);
        transform.Set(1, 1, 1.0);
        transform.Set(1, 2, 0.0);
        var sheared = new Mat();
        Cv2.WarpAffine(paper, sheared, transform, new Size(paper.Width + extra, paper.Height), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(230));
        return sheared;
    }

    private static (double X, double Y) CentreOfMass(NormalizedDigit digit)
    {
        double mass = 0, x = 0, y = 0;
        for (var index = 0; index < digit.Pixels.Length; index++)
        {
            mass += digit.Pixels[index];
            x += digit.Pixels[index] * (index % NormalizedDigit.Side);
            y += digit.Pixels[index] * (index / NormalizedDigit.Side);
        }

        return (x / mass, y / mass);
    }

    private static (int Width, int Height) InkBox(NormalizedDigit digit)
    {
        var inked = Enumerable.Range(0, digit.Pixels.Length).Where(index => digit.Pixels[index] > 0.2f).ToList();
        var columns = inked.Select(index => index % NormalizedDigit.Side).ToList();
        var rows = inked.Select(index => index / NormalizedDigit.Side).ToList();
        return (columns.Max() - columns.Min() + 1, rows.Max() - rows.Min() + 1);
    }

    private static double MeanAbsoluteDifference(NormalizedDigit a, NormalizedDigit b) =>
        a.Pixels.Zip(b.Pixels, (left, right) => Math.Abs(left - right)).Average();
}
