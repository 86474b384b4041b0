namespace ProtocolOcr.Infrastructure.Uploads;

/// <summary>What the photo's own bytes say it is, read from its header without decoding pixels.</summary>
public sealed record PhotoInspection(PhotoFormat Format, int Width, int Height)
{
    public long Pixels => (long)Width * Height;
}
