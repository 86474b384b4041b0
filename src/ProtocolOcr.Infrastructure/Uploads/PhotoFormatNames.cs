namespace ProtocolOcr.Infrastructure.Uploads;

public static class PhotoFormatNames
{
    /// <summary>The name stored in <c>uploads.format</c>.</summary>
    public static string ToWire(this PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => "jpeg",
        PhotoFormat.Png => "png",
        PhotoFormat.WebP => "webp",
        PhotoFormat.Heic => "heic",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string ContentType(this PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => "image/jpeg",
        PhotoFormat.Png => "image/png",
        PhotoFormat.WebP => "image/webp",
        PhotoFormat.Heic => "image/heic",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The content type of a stored format name (<c>uploads.format</c>).</summary>
    public static string ContentTypeOf(string wireName) => wireName switch
    {
        "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "heic" => "image/heic",
        _ => throw new ArgumentOutOfRangeException(nameof(wireName), wireName, "Unknown photo format."),
    };
}
