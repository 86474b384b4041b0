using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.TestSupport;
using Xunit.Abstractions;

namespace ProtocolOcr.Imaging.Tests;

public sealed class PageDetectorTests : IClassFixture<StagedPhotos>
{
    private readonly StagedPhotos _photos;
    private readonly PageDetector _detector = new();
    private readonly ITestOutputHelper _output;

    public PageDetectorTests(StagedPhotos photos, ITestOutputHelper output)
    {
        _photos = photos;
        _output = output;
    }

    [Theory]
    [InlineData(0, 0.0, 0.78)]
    [InlineData(7, 0.08, 0.78)]
    [InlineData(-12, 0.15, 0.7)]
    [InlineData(25, 0.05, 0.6)]
    public void Page_corners_are_found_within_one_percent_of_the_page_diagonal(double rotation, double keystone, double pageHeightFraction)
    {
        var staged = PhotoStager.Stage(_photos.Page, rotationDegrees: rotation, keystone: keystone, pageHeightFraction: pageHeightFraction);
        using var photo = new PhotoDecoder().Decode(staged.Bytes);

        var page = _detector.Detect(photo);

        double toDecoded = (double)photo.Width / staged.Width;
        var truth = staged.TrueCorners.Select(p => new Point2f((float)(p.X * toDecoded), (float)(p.Y * toDecoded))).ToArray();
        double diagonal = PageQuad.Distance(truth[0], truth[2]);
        var found = page.Quad.Corners;
        _output.WriteLine($"corner errors (px at {photo.Width}x{photo.Height}): " +
            string.Join(", ", found.Zip(truth, (f, t) => PageQuad.Distance(f, t).ToString("F1", System.Globalization.CultureInfo.InvariantCulture))));
        for (int i = 0; i < 4; i++)
        {
            double error = PageQuad.Distance(found[i], truth[i]);
            Assert.True(error < diagonal * 0.01, $"corner {i}: found {found[i]}, true {truth[i]}, off by {error:F1} px");
        }
    }

    [Fact]
    public void A_page_lying_sideways_is_named_as_portrait()
    {
        var staged = PhotoStager.Stage(_photos.Page, width: 4000, height: 3000, rotationDegrees: 90, keystone: 0.05, pageHeightFraction: 1.0);
        using var photo = new PhotoDecoder().Decode(staged.Bytes);

        var quad = _detector.Detect(photo).Quad;

        double top = PageQuad.Distance(quad.TopLeft, quad.TopRight);
        double left = PageQuad.Distance(quad.TopLeft, quad.BottomLeft);
        Assert.True(left > top * 1.2, $"page read as {top:F0} wide and {left:F0} tall");
    }

    [Theory]
    [InlineData(20, 0.95)]
    [InlineData(-35, 0.8)]
    public void A_page_running_out_of_the_photo_is_rejected_as_cut_off(double rotation, double pageHeightFraction)
    {
        var staged = PhotoStager.Stage(_photos.Page, rotationDegrees: rotation, pageHeightFraction: pageHeightFraction, seed: 13);
        using var photo = new PhotoDecoder().Decode(staged.Bytes);

        var rejection = Assert.Throws<PhotoRejectedException>(() => _detector.Detect(photo));

        Assert.Equal(ReasonCodes.PageCutOff, rejection.Code);
    }

    [Fact]
    public void A_blank_photo_is_rejected_with_page_not_found()
    {
        using var blank = new Mat(3000, 2250, MatType.CV_8UC3, new Scalar(70, 80, 90));

        AssertPageNotFound(blank);
    }

    [Fact]
    public void Random_noise_is_rejected_with_page_not_found()
    {
        using var noise = new Mat(3000, 2250, MatType.CV_8UC3);
        Cv2.Randu(noise, Scalar.All(0), Scalar.All(255));

        AssertPageNotFound(noise);
    }

    private void AssertPageNotFound(Mat image)
    {
        Cv2.ImEncode(".jpg", image, out byte[] jpeg);
        using var photo = new PhotoDecoder().Decode(jpeg);

        var rejection = Assert.Throws<PhotoRejectedException>(() => _detector.Detect(photo));

        Assert.Equal(ReasonCodes.PageNotFound, rejection.Code);
    }
}
