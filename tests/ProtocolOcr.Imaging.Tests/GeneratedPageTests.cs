using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Imaging.Tests;

/// <summary>
/// Page detection on the benchmark generator's photos: pages run out of frame. (Thumbs over the margin: the outline is
/// only a hint now; see <see cref="FormLocatorTests"/>.)
/// </summary>
public sealed class GeneratedPageTests(GeneratedPhotos generated) : IClassFixture<GeneratedPhotos>
{
    private const int Seed = 301;
    private readonly PageDetector _detector = new();

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(10)]
    public void A_generated_page_running_out_of_the_photo_is_rejected_as_cut_off(int index)
    {
        var bad = generated.Generate(CaptureLevel.Bad, Seed, index);
        Assert.Equal(ReasonCodes.PageCutOff, bad.Truth.ExpectedReason);
        using var photo = new PhotoDecoder().Decode(bad.Jpeg);

        var rejection = Assert.Throws<PhotoRejectedException>(() => _detector.Detect(photo));

        Assert.Equal(ReasonCodes.PageCutOff, rejection.Code);
    }
}
