using OpenCvSharp;
using ProtocolOcr.Api.Tests.Harness;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Tests;

/// <summary>Format and size come from the bytes' headers, never from decoding pixels.</summary>
public sealed class PhotoInspectorTests
{
    private readonly PhotoInspector _inspector = new(new UploadLimits());

    [Fact]
    public void Real_jpeg_reports_its_size()
    {
        Assert.Equal(new PhotoInspection(PhotoFormat.Jpeg, 640, 480), _inspector.Inspect(TestPhotos.Jpeg("jpeg", 640, 480)));
    }

    [Fact]
    public void Jpeg_with_data_after_its_end_marker_is_accepted()
    {
        byte[] photo = [.. TestPhotos.Jpeg("trailer"), .. "maker trailer"u8.ToArray()];

        Assert.Equal(PhotoFormat.Jpeg, _inspector.Inspect(photo).Format);
    }

    [Fact]
    public void Real_png_reports_its_size()
    {
        Assert.Equal(new PhotoInspection(PhotoFormat.Png, 300, 200), _inspector.Inspect(TestPhotos.Png("png", 300, 200)));
    }

    [Theory]
    [InlineData(90)]
    [InlineData(101)]
    public void Real_webp_lossy_and_lossless_report_their_size(int quality)
    {
        using var image = new Mat(123, 321, MatType.CV_8UC3, Scalar.Gray);
        var webp = image.ImEncode(".webp", new ImageEncodingParam(ImwriteFlags.WebPQuality, quality));

        Assert.Equal(new PhotoInspection(PhotoFormat.WebP, 321, 123), _inspector.Inspect(webp));
    }

    [Fact]
    public void Extended_webp_reports_its_canvas_size()
    {
        byte[] webp = [.. "RIFF"u8.ToArray(), 22, 0, 0, 0, .. "WEBPVP8X"u8.ToArray(), 10, 0, 0, 0,
            0, 0, 0, 0, 0x9F, 0x0F, 0x00, 0xB7, 0x0B, 0x00];

        Assert.Equal(new PhotoInspection(PhotoFormat.WebP, 4000, 3000), _inspector.Inspect(webp));
    }

    [Fact]
    public void Heic_reports_its_largest_image_extent()
    {
        var heic = HeifBuilder.Heic("heic", ["mif1", "heic"], (512, 384), (4032, 3024));

        Assert.Equal(new PhotoInspection(PhotoFormat.Heic, 4032, 3024), _inspector.Inspect(heic));
    }

    [Fact]
    public void Heif_with_generic_brand_is_accepted_but_avif_is_not()
    {
        Assert.Equal(PhotoFormat.Heic, _inspector.Inspect(HeifBuilder.Heic("mif1", ["mif1"], (100, 80))).Format);
        AssertRejected(HeifBuilder.Heic("avif", ["mif1", "avif"], (100, 80)), 415, UploadReasonCodes.UnsupportedMediaType);
    }

    [Fact]
    public void Heic_cut_inside_its_image_data_is_truncated()
    {
        var heic = HeifBuilder.Heic("heic", ["mif1"], (4032, 3024));

        AssertRejected(heic[..^100], 422, UploadReasonCodes.TruncatedImage);
    }

    [Fact]
    public void Heic_without_size_is_unreadable()
    {
        AssertRejected(HeifBuilder.Heic("heic", ["mif1"]), 422, UploadReasonCodes.UnreadableImage);
    }

    [Fact]
    public void Heic_bomb_is_refused_before_decoding()
    {
        AssertRejected(HeifBuilder.Heic("heic", ["mif1"], (16384, 16384)), 422, UploadReasonCodes.ImageTooLarge);
    }

    [Fact]
    public void Jpeg_cut_before_its_frame_header_is_truncated()
    {
        AssertRejected(TestPhotos.Jpeg("short")[..12], 422, UploadReasonCodes.TruncatedImage);
    }

    [Fact]
    public void Jpeg_signature_followed_by_garbage_is_unreadable()
    {
        AssertRejected([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. new byte[20], 0x42, 0x42, 0x42, 0x42], 422,
            UploadReasonCodes.UnreadableImage);
    }

    [Fact]
    public void Limits_come_from_configuration()
    {
        var strict = new PhotoInspector(new UploadLimits { MaxPixels = 1000, MaxSide = 100 });

        AssertRejected(TestPhotos.Png("limit", 40, 30), 422, UploadReasonCodes.ImageTooLarge, strict);
        Assert.Equal(PhotoFormat.Png, strict.Inspect(TestPhotos.Png("limit", 30, 30)).Format);
    }

    [Fact]
    public void Gif_is_not_an_accepted_format()
    {
        AssertRejected("GIF89a\x01\x00\x01\x00"u8.ToArray(), 415, UploadReasonCodes.UnsupportedMediaType);
    }

    private void AssertRejected(byte[] data, int status, string code, PhotoInspector? inspector = null)
    {
        var rejection = Assert.Throws<UploadRejectedException>(() => (inspector ?? _inspector).Inspect(data));
        Assert.Equal(status, rejection.StatusCode);
        Assert.Equal(code, rejection.Code);
    }
}
