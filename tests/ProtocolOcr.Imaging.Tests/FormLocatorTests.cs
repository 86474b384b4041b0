using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Imaging.Registration;
using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Photo;
using Xunit.Abstractions;

namespace ProtocolOcr.Imaging.Tests;

/// <summary>
/// Registration to the form's reference page on the benchmark generator's photos: tilted, turned (quarter and half
/// turns), thumbs over the margin, no outline at all; and the photos it must refuse.
/// </summary>
public sealed class FormLocatorTests(GeneratedPhotos generated, ITestOutputHelper output) : IClassFixture<GeneratedPhotos>
{
    private const int Seed = 310;
    private const double ToleranceReferencePixels = 12;

    private readonly PageDetector _detector = new();

    [Theory]
    [InlineData(CaptureLevel.Phone, 0)]
    [InlineData(CaptureLevel.Phone, 1)]
    [InlineData(CaptureLevel.Phone, 2)]
    [InlineData(CaptureLevel.Hard, 0)]
    [InlineData(CaptureLevel.Hard, 1)]
    public void Every_field_of_a_tilted_or_turned_photo_lands_within_tolerance(CaptureLevel level, int index)
    {
        var good = generated.Generate(level, Seed, index);
        using var photo = new PhotoDecoder().Decode(good.Jpeg);

        var registered = Locate(photo);

        double error = RegistrationError.WorstFieldCorner(good.Truth, registered);
        output.WriteLine($"{good.Name}: quarter turns {good.Truth.Capture.QuarterTurns}, score {registered.Score:F3}, worst field corner {error:F1} px");
        Assert.True(error <= ToleranceReferencePixels, $"{good.Name}: a field corner lands {error:F1} reference px off");
        Assert.True(registered.Score >= FormLocator.MinScore);
    }

    [Theory]
    // Seed 230 #135 (6.4 MP): glare over the top left, JPEG quality 42, no outline (another sheet touches the page). Its
    // only start scored 0.37 at the coarse level and was refused as no protocol; the anchor patches, each correlated
    // on its own, find the page at 0.63.
    [InlineData(230, 135)]
    // Seed 232 #10: pitch 32 degrees, glare, the page lying on another sheet. The outline mixes both sheets' edges, and
    // ORB at the reference's first feature scale matched 8 features, wrongly; at the smaller scale, closer to the
    // page's size in the photo, it finds the page.
    [InlineData(232, 10)]
    public void A_hard_photo_registration_once_refused_has_every_field_within_tolerance(int seed, int index)
    {
        var good = generated.Generate(CaptureLevel.Hard, seed, index, maxMegapixels: 12);
        using var photo = new PhotoDecoder().Decode(good.Jpeg);

        var registered = Locate(photo);

        double error = RegistrationError.WorstFieldCorner(good.Truth, registered);
        output.WriteLine($"{good.Name}: score {registered.Score:F3}, worst field corner {error:F1} px");
        Assert.True(error <= ToleranceReferencePixels, $"{good.Name}: a field corner lands {error:F1} reference px off");
    }

    [Fact]
    public void A_photo_turned_upside_down_is_registered_the_right_way_up()
    {
        var good = generated.Generate(CaptureLevel.Phone, Seed, 3);
        using var photo = new PhotoDecoder().Decode(good.Jpeg);
        using var upsideDown = new DecodedPhoto(Turned(photo.Image), photo.Format, photo.SourceWidth, photo.SourceHeight);

        var registered = Locate(upsideDown);

        // The truth's corners are in the upright photo; turn the registration's back before comparing.
        var corners = registered.PageCorners.Select(p => new OpenCvSharp.Point2f(photo.Width - 1 - p.X, photo.Height - 1 - p.Y)).ToArray();
        var truth = good.Truth.PageCorners!.Select(p => new OpenCvSharp.Point2f((float)p.X, (float)p.Y)).ToArray();
        double worst = corners.Zip(truth, PageQuad.Distance).Max();
        Assert.True(worst < 0.01 * PageQuad.Distance(truth[0], truth[2]), $"a page corner is {worst:F1} px off");
    }

    [Fact]
    public void Registration_needs_no_page_outline()
    {
        var good = generated.Generate(CaptureLevel.Phone, Seed, 4);
        using var photo = new PhotoDecoder().Decode(good.Jpeg);
        var noOutline = new PhotoRejectedException(ReasonCodes.PageNotFound, "no outline");

        var registered = new FormLocator(generated.References).Locate(photo, null, noOutline, generated.Reference);

        Assert.Equal(RegistrationStart.FeatureMatch, registered.Start);
        Assert.True(RegistrationError.WorstFieldCorner(good.Truth, registered) <= ToleranceReferencePixels);
    }

    // Was the skipped page-detector acceptance test: thumbs over the margin pull the sheet outline off; registration to
    // the printed form does not depend on it.
    [Fact]
    public void A_good_photo_with_a_thumb_over_the_page_edge_is_registered_where_the_page_is()
    {
        int withThumbs = 0;
        var misses = new List<string>();
        for (int index = 0; index < 24 && withThumbs < 4; index++)
        {
            var good = generated.Generate(CaptureLevel.Phone, 301, index);
            if (good.Truth.Capture.Fingers == 0)
            {
                continue;
            }

            withThumbs++;
            using var photo = new PhotoDecoder().Decode(good.Jpeg);
            try
            {
                double error = RegistrationError.WorstFieldCorner(good.Truth, Locate(photo));
                if (error > ToleranceReferencePixels)
                {
                    misses.Add($"{good.Name}: a field corner lands {error:F1} reference px off");
                }
            }
            catch (PhotoRejectedException rejection)
            {
                misses.Add($"{good.Name}: rejected as {rejection.Code}");
            }
        }

        Assert.Empty(misses);
        Assert.Equal(4, withThumbs);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public void A_photo_of_another_document_is_not_a_protocol(int index)
    {
        var bad = generated.Generate(CaptureLevel.Bad, Seed, index);
        Assert.Equal(ReasonCodes.NotAProtocol, bad.Truth.ExpectedReason);
        using var photo = new PhotoDecoder().Decode(bad.Jpeg);

        var rejection = Assert.Throws<PhotoRejectedException>(() => Locate(photo));

        Assert.Equal(ReasonCodes.NotAProtocol, rejection.Code);
    }

    [Fact]
    public void Another_document_whose_sheet_runs_out_of_the_photo_is_not_a_protocol_rather_than_cut_off()
    {
        var bad = generated.Generate(CaptureLevel.Bad, 214, 19);
        Assert.Equal(ReasonCodes.NotAProtocol, bad.Truth.ExpectedReason);
        using var photo = new PhotoDecoder().Decode(bad.Jpeg);
        Assert.Equal(ReasonCodes.PageCutOff, Assert.Throws<PhotoRejectedException>(() => _detector.Detect(photo)).Code);

        var rejection = Assert.Throws<PhotoRejectedException>(() => Locate(photo));

        Assert.Equal(ReasonCodes.NotAProtocol, rejection.Code);
    }

    [Fact]
    public void A_start_on_which_ecc_diverges_is_no_fit_rather_than_a_fault()
    {
        // Found on a held-out benchmark photo: a handwritten note whose outline start made ECC report "NaN encountered",
        // which escaped as an OpenCV error (a job fault) instead of a rejection.
        var bad = generated.Generate(CaptureLevel.Bad, 6304, 71, maxMegapixels: 12);
        Assert.Equal(ReasonCodes.NotAProtocol, bad.Truth.ExpectedReason);
        using var photo = new PhotoDecoder().Decode(bad.Jpeg);

        var rejection = Assert.Throws<PhotoRejectedException>(() => Locate(photo));

        Assert.Equal(ReasonCodes.NotAProtocol, rejection.Code);
    }

    [Fact]
    public void A_protocol_of_another_form_is_a_template_mismatch_naming_that_form()
    {
        var other = generated.Generate(CaptureLevel.Phone, Seed, 0, "ru.uik.federal");
        using var photo = new PhotoDecoder().Decode(other.Jpeg);

        var rejection = Assert.Throws<PhotoRejectedException>(() => Locate(photo));

        Assert.Equal(ReasonCodes.TemplateMismatch, rejection.Code);
        Assert.Contains("ru.uik.federal", rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void A_page_running_out_of_the_photo_is_cut_off(int index)
    {
        var bad = generated.Generate(CaptureLevel.Bad, Seed, index);
        Assert.Equal(ReasonCodes.PageCutOff, bad.Truth.ExpectedReason);
        using var photo = new PhotoDecoder().Decode(bad.Jpeg);

        var rejection = Assert.Throws<PhotoRejectedException>(() => Locate(photo));

        Assert.Equal(ReasonCodes.PageCutOff, rejection.Code);
    }

    private RegisteredPage Locate(DecodedPhoto photo)
    {
        PageImage? page = null;
        PhotoRejectedException? outlineRejection = null;
        try
        {
            page = _detector.Detect(photo);
        }
        catch (PhotoRejectedException rejection)
        {
            outlineRejection = rejection;
        }

        return new FormLocator(generated.References).Locate(photo, page, outlineRejection, generated.Reference);
    }

    private static OpenCvSharp.Mat Turned(OpenCvSharp.Mat image)
    {
        var turned = new OpenCvSharp.Mat();
        OpenCvSharp.Cv2.Flip(image, turned, OpenCvSharp.FlipMode.XY);
        return turned;
    }
}
