using System.Text.Json;

namespace ProtocolOcr.Cli.Uploading;

/// <summary>The final status of one uploaded photo and the API's status document (or the error body).</summary>
public sealed record UploadResult(string PhotoPath, string Status, JsonElement? Document);
