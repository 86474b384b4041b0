using System.Net.Http.Headers;
using System.Text.Json;

namespace ProtocolOcr.Cli.Uploading;

/// <summary>Talks to the drop endpoint the way an observer's phone does: one multipart POST per photo, then polls status.</summary>
public sealed class UploadClient(HttpClient http)
{
    public async Task<UploadAttempt> UploadAsync(string photoPath, UploadMetadata metadata, CancellationToken cancellationToken)
    {
        using var content = new MultipartFormDataContent();
        var photo = new ByteArrayContent(await File.ReadAllBytesAsync(photoPath, cancellationToken));
        photo.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(photo, "photo", Path.GetFileName(photoPath));
        content.Add(new StringContent(metadata.ElectionId), "electionId");
        content.Add(new StringContent(metadata.Region), "region");
        content.Add(new StringContent(metadata.Precinct), "precinct");
        if (metadata.Note is { Length: > 0 } note)
        {
            content.Add(new StringContent(note), "note");
        }

        using var response = await http.PostAsync("api/uploads", content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new UploadAttempt(photoPath, (int)response.StatusCode, ParseOrNull(body));
    }

    public async Task<JsonElement> StatusAsync(string statusUrl, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(statusUrl.TrimStart('/'), cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement? ParseOrNull(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse(JsonSerializer.Serialize(new { error = "non_json_response", message = body })).RootElement.Clone();
        }
    }
}
