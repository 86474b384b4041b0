namespace ProtocolOcr.Infrastructure.Uploads;

public enum PhotoFormat
{
    Jpeg,
    Png,
    WebP,
    Heic,
}
