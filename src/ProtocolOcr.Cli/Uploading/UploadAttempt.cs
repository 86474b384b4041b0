using System.Text.Json;

namespace ProtocolOcr.Cli.Uploading;

/// <summary>One POST: the HTTP status and the receipt (2xx) or error body (4xx/5xx) as JSON.</summary>
public sealed record UploadAttempt(string PhotoPath, int HttpStatus, JsonElement? Body)
{
    public bool Acknowledged => HttpStatus is >= 200 and < 300;

    public string? StatusUrl => Acknowledged && Body is { } body && body.TryGetProperty("statusUrl", out var url) ? url.GetString() : null;
}
