using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Imaging.Quality;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>What a soft photo's alignment outcome becomes; the measures and outcomes are constructed.</summary>
public sealed class SoftPhotoCheckTests
{
    private static readonly PhotoQualityMeasures Sharp = new(200, 0.1, 40, Sharpness: 1.5, Busyness: 0.05);
    private static readonly PhotoQualityMeasures Soft = new(200, 0.1, 40, Sharpness: 0.8, Busyness: 0.05);

    [Theory]
    [InlineData(ReasonCodes.PageNotFound)]
    [InlineData(ReasonCodes.NotAProtocol)]
    public void A_soft_photo_without_a_page_or_form_is_too_blurry(string code)
    {
        var rejection = Assert.Throws<PhotoRejectedException>(() => SoftPhotoCheck.Align(Soft, () => throw new PhotoRejectedException(code, "x")));

        Assert.Equal(ReasonCodes.TooBlurry, rejection.Code);
    }

    [Fact]
    public void A_sharp_photo_keeps_the_reason_its_alignment_gave()
    {
        var rejection = Assert.Throws<PhotoRejectedException>(
            () => SoftPhotoCheck.Align(Sharp, () => throw new PhotoRejectedException(ReasonCodes.NotAProtocol, "x")));

        Assert.Equal(ReasonCodes.NotAProtocol, rejection.Code);
    }

    [Fact]
    public void A_soft_photo_of_another_form_stays_a_template_mismatch()
    {
        var rejection = Assert.Throws<PhotoRejectedException>(
            () => SoftPhotoCheck.Align(Soft, () => throw new PhotoRejectedException(ReasonCodes.TemplateMismatch, "x")));

        Assert.Equal(ReasonCodes.TemplateMismatch, rejection.Code);
    }

    [Theory]
    [InlineData(0.56, true)]
    [InlineData(0.74, false)]
    public void A_soft_photo_registered_only_loosely_is_too_blurry(double score, bool rejected)
    {
        var outcome = Record.Exception(() =>
        {
            using var aligned = SoftPhotoCheck.Align(Soft, () => (new AlignedPage(new Mat(10, 10, MatType.CV_8UC1)), [], score)).Aligned;
        });

        Assert.Equal(rejected, outcome is PhotoRejectedException { Code: ReasonCodes.TooBlurry });
        Assert.Equal(rejected, outcome is not null);
    }

    [Fact]
    public void A_sharp_photo_registered_loosely_is_read()
    {
        using var aligned = SoftPhotoCheck.Align(Sharp, () => (new AlignedPage(new Mat(10, 10, MatType.CV_8UC1)), [], 0.5)).Aligned;

        Assert.Equal(10, aligned.Width);
    }
}
