using OpenCvSharp;
using ProtocolOcr.Synthetic.Handwriting;

namespace ProtocolOcr.Synthetic.Tests.Handwriting;

public sealed class SevenCrossingTests(SharedGenerator shared) : IClassFixture<SharedGenerator>
{
    [Fact]
    public void The_bar_goes_through_the_stem_of_every_mnist_test_seven_and_adds_no_separate_stroke()
    {
        using var rasterizer = new GlyphRasterizer();
        var factory = new DigitGlyphFactory(shared.Mnist, rasterizer);
        var random = new Random(5);
        var uprightStyle = WritingStyle.Handwritten(random, FontCatalog.Debian()) with
        {
            FontPath = null, Slant = 0, SlantJitter = 0, CrossedSeven = false, FlaggedOne = false,
        };

        for (var sample = 0; sample < 60; sample++)
        {
            using var glyph = factory.Create(7, 60, uprightStyle, random);
            using var crossed = glyph.Ink.Clone();
            var (left, right) = SevenCrossing.Draw(crossed, random);

            var stem = SevenCrossing.StemX(glyph.Ink, (int)Math.Round((left.Y + right.Y) / 2));
            Assert.InRange(stem, left.X, right.X);
            Assert.Equal(InkPieces(glyph.Ink), InkPieces(crossed));
        }
    }

    private static int InkPieces(Mat ink)
    {
        using var mask = new Mat();
        Cv2.Threshold(ink, mask, 0.5, 255, ThresholdTypes.Binary);
        mask.ConvertTo(mask, MatType.CV_8UC1);
        using var labels = new Mat();
        return Cv2.ConnectedComponents(mask, labels) - 1;
    }
}
