using OpenCvSharp;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Quality;
using ProtocolOcr.Synthetic.Photo;
using Xunit.Abstractions;

namespace ProtocolOcr.Imaging.Tests;

public sealed class PhotoQualityGateTests(GeneratedPhotos generated, ITestOutputHelper output) : IClassFixture<GeneratedPhotos>
{
    private const int Seed = 300;
    private readonly PhotoQualityGate _gate = new();

    // The generator's bad level cycles its kinds by index: 0 too_blurry, 1 too_dark, 2 page_cut_off, 3 not_a_protocol.
    [Theory]
    [InlineData(0, ReasonCodes.TooBlurry)]
    [InlineData(4, ReasonCodes.TooBlurry)]
    [InlineData(8, ReasonCodes.TooBlurry)]
    [InlineData(1, ReasonCodes.TooDark)]
    [InlineData(5, ReasonCodes.TooDark)]
    [InlineData(9, ReasonCodes.TooDark)]
    public void A_generated_bad_photo_is_rejected_with_its_reason(int index, string reason)
    {
        var bad = generated.Generate(CaptureLevel.Bad, Seed, index);
        Assert.Equal(reason, bad.Truth.ExpectedReason);
        using var photo = new PhotoDecoder().Decode(bad.Jpeg);
        output.WriteLine(_gate.Measure(photo).ToString());

        var rejection = Assert.Throws<PhotoRejectedException>(() => _gate.Check(photo));

        Assert.Equal(reason, rejection.Code);
    }

    [Theory]
    [InlineData(CaptureLevel.Phone, 0)]
    [InlineData(CaptureLevel.Phone, 1)]
    [InlineData(CaptureLevel.Hard, 2)]
    [InlineData(CaptureLevel.Hard, 3)]
    public void A_generated_good_photo_passes(CaptureLevel level, int index)
    {
        var good = generated.Generate(level, Seed, index);
        using var photo = new PhotoDecoder().Decode(good.Jpeg);

        var measures = _gate.Check(photo);

        output.WriteLine(measures.ToString());
    }

    [Fact]
    public void A_white_page_filling_the_frame_with_dark_ink_is_not_overexposed()
    {
        var page = File.ReadAllBytes(Path.Combine(FormsDirectory.Locate(), "kz.president.2019.png"));
        using var photo = new PhotoDecoder().Decode(page);

        var measures = _gate.Check(photo);

        Assert.True(measures.SaturatedFraction > PhotoQualityGate.MaxSaturatedFraction, measures.ToString());
    }

    [Fact]
    public void A_white_page_with_sparse_dark_ink_is_not_overexposed()
    {
        // 1.2% of the pixels in ink: under the 2% the overexposure check once took as the ink's level.
        using var page = new Mat(715, 1000, MatType.CV_8UC1, Scalar.All(255));
        for (var line = 0; line < 7; line++)
        {
            Cv2.Line(page, new Point(200, 100 + (line * 80)), new Point(799, 100 + (line * 80)), Scalar.All(25), 2, LineTypes.Link8);
        }

        using var photo = new DecodedPhoto(page.Clone(), "png", page.Width, page.Height);

        var measures = _gate.Check(photo);

        Assert.True(measures.SaturatedFraction > PhotoQualityGate.MaxSaturatedFraction, measures.ToString());
    }

    [Fact]
    public void A_photo_blown_out_by_light_is_rejected_as_overexposed()
    {
        var good = generated.Generate(CaptureLevel.Phone, Seed, 0);
        using var photo = new PhotoDecoder().Decode(good.Jpeg);
        photo.Image.ConvertTo(photo.Image, -1, alpha: 3.0, beta: 40);

        var rejection = Assert.Throws<PhotoRejectedException>(() => _gate.Check(photo));

        Assert.Equal(ReasonCodes.Overexposed, rejection.Code);
    }

    [Fact]
    public void Measures_do_not_depend_on_resolution()
    {
        var good = generated.Generate(CaptureLevel.Phone, Seed, 1);
        using var photo = new PhotoDecoder().Decode(good.Jpeg);
        using var larger = new Mat();
        Cv2.Resize(photo.Image, larger, new Size(), 1.6, 1.6, InterpolationFlags.Cubic);
        using var largerPhoto = new DecodedPhoto(larger.Clone(), photo.Format, larger.Width, larger.Height);

        var original = _gate.Measure(photo);
        var upscaled = _gate.Measure(largerPhoto);

        Assert.InRange(upscaled.Sharpness / original.Sharpness, 0.85, 1.15);
        Assert.InRange(upscaled.BrightLevel - original.BrightLevel, -3, 3);
    }
}
