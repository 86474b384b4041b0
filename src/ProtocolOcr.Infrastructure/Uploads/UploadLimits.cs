namespace ProtocolOcr.Infrastructure.Uploads;

/// <summary>Limits on what the drop endpoint accepts (configuration section <c>Uploads</c>).</summary>
public sealed class UploadLimits
{
    public const string Section = "Uploads";

    public long MaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Above this many pixels a photo is refused before decoding (decompression bombs).</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    public int MaxSide { get; set; } = 20_000;
}
