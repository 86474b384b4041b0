using OpenCvSharp;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Imaging.Tests;

/// <summary>A page warped region by region gives the pixels a crop of the whole warp would.</summary>
public sealed class AlignedPageTests : IClassFixture<StagedPhotos>
{
    private static readonly Rect FieldArea = new(870, 530, 350, 90);

    private readonly StagedPhotos _photos;

    public AlignedPageTests(StagedPhotos photos) => _photos = photos;

    [Fact]
    public void A_region_is_the_same_crop_of_the_whole_warp()
    {
        using var photo = new PhotoDecoder().Decode(_photos.Photo.Bytes);
        using var aligned = new PerspectiveCorrector().Align(new PageDetector().Detect(photo), TestForms.Sample.ReferenceSize);
        using var whole = aligned.Whole();

        foreach (var area in new[] { FieldArea, new Rect(0, 0, 40, 30), new Rect(1600, 2300, 54, 39) })
        {
            using var region = aligned.Region(area);
            using var cropped = new Mat(whole, area);
            Assert.Equal(area.Size, region.Size());
            Assert.True(MaxDifference(region, cropped) <= 1, $"region {area} differs from the whole warp's crop");
        }
    }

    [Fact]
    public void A_region_is_warped_from_the_photo_as_one_warp_of_the_page_would()
    {
        using var photo = new PhotoDecoder().Decode(_photos.Photo.Bytes);
        var page = new PageDetector().Detect(photo);
        using var aligned = new PerspectiveCorrector().Align(page, TestForms.Sample.ReferenceSize);
        var size = new Size(TestForms.Sample.ReferenceSize.Width, TestForms.Sample.ReferenceSize.Height);
        using var photoToPage = Cv2.GetPerspectiveTransform(page.Quad.Corners,
        [
            new Point2f(0, 0), new Point2f(size.Width - 1, 0), new Point2f(size.Width - 1, size.Height - 1), new Point2f(0, size.Height - 1),
        ]);
        using var warped = new Mat();
        Cv2.WarpPerspective(photo.Image, warped, photoToPage, size, InterpolationFlags.Linear, BorderTypes.Replicate);

        using var region = aligned.Region(FieldArea);
        using var cropped = new Mat(warped, FieldArea);
        Assert.True(MaxDifference(region, cropped) <= 1);
    }

    [Fact]
    public void The_page_turned_half_round_shows_the_opposite_corner_upside_down()
    {
        using var flat = new AlignedPage(_photos.Page.Clone());
        using var turned = flat.TurnedHalfRound();
        var opposite = new Rect(flat.Width - FieldArea.Right, flat.Height - FieldArea.Bottom, FieldArea.Width, FieldArea.Height);

        using var region = turned.Region(FieldArea);
        using var original = flat.Region(opposite);
        using var flipped = original.Flip(FlipMode.XY);
        Assert.Equal(0, MaxDifference(region, flipped));
    }

    [Fact]
    public void A_region_of_a_flat_page_is_its_exact_crop()
    {
        using var flat = new AlignedPage(_photos.Page.Clone());
        using var region = flat.Region(FieldArea);
        using var cropped = new Mat(_photos.Page, FieldArea);
        Assert.Equal(0, MaxDifference(region, cropped));
    }

    [Fact]
    public void A_grey_region_of_a_colour_page_is_the_crop_in_grey()
    {
        using var colour = _photos.Page.Channels() == 3 ? _photos.Page.Clone() : _photos.Page.CvtColor(ColorConversionCodes.GRAY2BGR);
        using var flat = new AlignedPage(colour.Clone());
        using var region = flat.GreyRegion(FieldArea);
        using var cropped = new Mat(colour, FieldArea);
        using var expected = cropped.CvtColor(ColorConversionCodes.BGR2GRAY);
        Assert.Equal(1, region.Channels());
        Assert.Equal(0, MaxDifference(region, expected));
    }

    [Theory]
    [InlineData(-1, 0, 10, 10)]
    [InlineData(1650, 0, 10, 10)]
    [InlineData(0, 0, 0, 10)]
    public void A_region_outside_the_page_is_refused(int x, int y, int width, int height)
    {
        using var flat = new AlignedPage(_photos.Page.Clone());
        Assert.Throws<ArgumentOutOfRangeException>(() => flat.Region(new Rect(x, y, width, height)).Dispose());
    }

    private static double MaxDifference(Mat a, Mat b)
    {
        using var difference = new Mat();
        Cv2.Absdiff(a, b, difference);
        using var channels = difference.Reshape(1);
        channels.MinMaxLoc(out double _, out double max);
        return max;
    }
}
