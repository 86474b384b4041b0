using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProtocolOcr.Api.Tests.Harness;

internal static class UploadClient
{
    public static async Task<Guid> UploadAsync(this HttpClient client, byte[] photo, string electionId = UploadForm.Election)
    {
        using var response = await client.PostAsync("/api/uploads", UploadForm.Create(photo, electionId));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public static Task<JsonElement> StatusAsync(this HttpClient client, Guid id) =>
        client.GetFromJsonAsync<JsonElement>($"/api/uploads/{id}");

    /// <summary>Polls the status endpoint until the upload leaves queued/processing; returns the final answer.</summary>
    public static async Task<JsonElement> WaitUntilFinishedAsync(this HttpClient client, Guid id, WorkerProcess worker)
    {
        JsonElement status = default;
        await Eventually.HoldsAsync(async () =>
        {
            status = await client.StatusAsync(id);
            return status.GetProperty("status").GetString() is not ("queued" or "processing");
        }, TimeSpan.FromMinutes(3), () => $"upload {id} still {status}; worker output:\n{worker.Output}");
        return status;
    }
}
