namespace ProtocolOcr.Infrastructure.Uploads;

/// <summary>An upload refused because of what the client sent; <see cref="StatusCode"/> is the HTTP answer.</summary>
public sealed class UploadRejectedException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;
}
