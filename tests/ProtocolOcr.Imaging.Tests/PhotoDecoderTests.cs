using ImageMagick;
using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Imaging.Tests;

public sealed class PhotoDecoderTests : IClassFixture<StagedPhotos>
{
    private readonly StagedPhotos _photos;
    private readonly PhotoDecoder _decoder = new();

    public PhotoDecoderTests(StagedPhotos photos) => _photos = photos;

    [Fact]
    public void Twelve_megapixel_jpeg_is_kept_at_its_own_size()
    {
        using var decoded = _decoder.Decode(_photos.Photo.Bytes);

        Assert.Equal((3000, 4000), (decoded.SourceWidth, decoded.SourceHeight));
        Assert.Equal((3000, 4000), (decoded.Width, decoded.Height));
        Assert.Equal(MatType.CV_8UC1, decoded.Image.Type());
        Assert.Equal("JPEG", decoded.Format);
    }

    [Fact]
    public void A_jpeg_decodes_to_the_grey_of_its_colour_picture()
    {
        using var decoded = _decoder.Decode(_photos.Photo.Bytes);
        using var colour = Cv2.ImDecode(_photos.Photo.Bytes, ImreadModes.Color);
        using var resized = colour.Resize(new Size(decoded.Width, decoded.Height), 0, 0, InterpolationFlags.Linear);
        using var grey = resized.CvtColor(ColorConversionCodes.BGR2GRAY);

        Assert.Equal(MatType.CV_8UC1, decoded.Image.Type());
        Assert.True(MeanAbsoluteDifference(grey, decoded.Image) < 1.5, "the grey decode is not the colour picture's grey");
    }

    [Fact]
    public void Exif_orientation_is_applied_so_the_photo_comes_back_upright()
    {
        byte[] rotated = PhotoStager.WithExifRotation(_photos.Photo.Bytes);

        using var upright = _decoder.Decode(_photos.Photo.Bytes);
        using var fromRotated = _decoder.Decode(rotated);

        Assert.Equal((4000, 3000), (fromRotated.SourceWidth, fromRotated.SourceHeight));
        Assert.Equal((upright.Width, upright.Height), (fromRotated.Width, fromRotated.Height));
        Assert.True(MeanAbsoluteDifference(upright.Image, fromRotated.Image) < 6, "rotated photo differs from the upright one");
    }

    [Fact]
    public void A_very_large_exif_rotated_photo_is_decoded_at_reduced_scale_and_upright()
    {
        var large = PhotoStager.Stage(_photos.Page, width: 4800, height: 6400, seed: 9);
        byte[] rotated = PhotoStager.WithExifRotation(large.Bytes);

        using var upright = _decoder.Decode(large.Bytes);
        using var fromRotated = _decoder.Decode(rotated);

        Assert.Equal((3072, 4096), (upright.Width, upright.Height));
        Assert.Equal((3072, 4096), (fromRotated.Width, fromRotated.Height));
        Assert.True(MeanAbsoluteDifference(upright.Image, fromRotated.Image) < 6, "rotated large photo differs from the upright one");
    }

    [Theory]
    [InlineData(MagickFormat.WebP)]
    [InlineData(MagickFormat.Png)]
    [InlineData(MagickFormat.Tiff)]
    public void Other_formats_decode_to_the_same_picture(MagickFormat format)
    {
        byte[] encoded = PhotoStager.Reencode(_photos.Photo.Bytes, format);

        using var reference = _decoder.Decode(_photos.Photo.Bytes);
        using var decoded = _decoder.Decode(encoded);

        Assert.Equal((reference.Width, reference.Height), (decoded.Width, decoded.Height));
        Assert.True(MeanAbsoluteDifference(reference.Image, decoded.Image) < 6);
    }

    [Fact]
    public void Heic_from_an_iphone_style_file_is_decoded()
    {
        using var decoded = _decoder.Decode(TestImageFiles.SampleProtocolHeic);

        Assert.Equal("HEIC", decoded.Format);
        Assert.Equal((1500, 2000), (decoded.Width, decoded.Height));
        Assert.Equal(MatType.CV_8UC1, decoded.Image.Type());
    }

    [Fact]
    public void Avif_is_decoded_to_the_same_picture()
    {
        using var reference = _decoder.Decode(_photos.Photo.Bytes);
        using var smaller = new MagickImage(_photos.Photo.Bytes);
        smaller.Resize(1200, 1600);
        using var expected = _decoder.Decode(smaller.ToByteArray(MagickFormat.Png));

        using var decoded = _decoder.Decode(smaller.ToByteArray(MagickFormat.Avif));

        Assert.Equal("AVIF", decoded.Format);
        Assert.True(MeanAbsoluteDifference(expected.Image, decoded.Image) < 6);
    }

    [Fact]
    public void Truncated_jpeg_is_rejected_as_unreadable()
    {
        byte[] truncated = _photos.Photo.Bytes.AsSpan(0, _photos.Photo.Bytes.Length * 2 / 3).ToArray();

        var rejection = Assert.Throws<PhotoRejectedException>(() => _decoder.Decode(truncated));

        Assert.Equal(ReasonCodes.UnreadableImage, rejection.Code);
    }

    [Fact]
    public void Jpeg_with_data_appended_after_its_end_decodes()
    {
        // Phones append motion-photo video or depth maps after the image; such bytes hold 0xFF 0xDA by chance.
        var trailer = new byte[64 * 1024];
        trailer[^100] = 0xFF;
        trailer[^99] = 0xDA;
        byte[] withTrailer = [.. _photos.Photo.Bytes, .. trailer];

        using var decoded = _decoder.Decode(withTrailer);

        Assert.True(decoded.Image.Width > 0);
    }

    [Fact]
    public void Truncated_png_is_rejected_as_unreadable()
    {
        byte[] png = PhotoStager.Reencode(_photos.Photo.Bytes, MagickFormat.Png);

        var rejection = Assert.Throws<PhotoRejectedException>(() => _decoder.Decode(png.AsSpan(0, png.Length / 2)));

        Assert.Equal(ReasonCodes.UnreadableImage, rejection.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(50_000)]
    public void Bytes_that_are_not_an_image_are_rejected_as_unreadable(int length)
    {
        byte[] garbage = new byte[length];
        new Random(7).NextBytes(garbage);

        var rejection = Assert.Throws<PhotoRejectedException>(() => _decoder.Decode(garbage));

        Assert.Equal(ReasonCodes.UnreadableImage, rejection.Code);
    }

    [Fact]
    public void Absurd_dimensions_in_the_header_are_rejected_before_decoding()
    {
        byte[] bomb = WithJpegDimensions(_photos.Photo.Bytes, 60_000, 60_000);

        var rejection = Assert.Throws<PhotoRejectedException>(() => _decoder.Decode(bomb));

        Assert.Equal(ReasonCodes.UnreadableImage, rejection.Code);
        Assert.Contains("60000x60000", rejection.Message);
    }

    [Fact]
    public void A_thumbnail_sized_image_is_rejected_as_too_low_resolution()
    {
        using var small = new Mat(400, 300, MatType.CV_8UC3, Scalar.White);
        Cv2.ImEncode(".jpg", small, out byte[] jpeg);

        var rejection = Assert.Throws<PhotoRejectedException>(() => _decoder.Decode(jpeg));

        Assert.Equal(ReasonCodes.ResolutionTooLow, rejection.Code);
    }

    private static double MeanAbsoluteDifference(Mat a, Mat b)
    {
        using var difference = new Mat();
        Cv2.Absdiff(a, b, difference);
        var mean = Cv2.Mean(difference);
        return Enumerable.Range(0, difference.Channels()).Average(channel => mean[channel]);
    }

    /// <summary>Rewrites the height and width of the JPEG's baseline frame header (SOF0), leaving the data alone.</summary>
    private static byte[] WithJpegDimensions(byte[] jpeg, int width, int height)
    {
        byte[] copy = (byte[])jpeg.Clone();
        int sof = copy.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        Assert.True(sof > 0, "test JPEG has no baseline frame header");
        copy[sof + 5] = (byte)(height >> 8);
        copy[sof + 6] = (byte)height;
        copy[sof + 7] = (byte)(width >> 8);
        copy[sof + 8] = (byte)width;
        return copy;
    }
}
