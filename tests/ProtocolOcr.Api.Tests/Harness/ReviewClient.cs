using System.Net.Http.Json;
using System.Text.Json;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>What the review page's script does: opens the page (claims it) and posts entries with its antiforgery token.</summary>
internal static class ReviewClient
{
    public static async Task<string> OpenReviewAsync(this HttpClient staff, Guid uploadId)
    {
        using var response = await staff.GetAsync($"/review/{uploadId}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"review page answered {(int)response.StatusCode}: {html}");
        return html;
    }

    public static async Task<HttpResponseMessage> PostReviewAsync(this HttpClient staff, Guid uploadId, string handler, object body)
    {
        var page = await staff.OpenReviewAsync(uploadId);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/review/{uploadId}?handler={handler}")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("RequestVerificationToken", StaffClients.AntiforgeryToken(page));
        return await staff.SendAsync(request);
    }

    public static async Task<JsonElement> EnterAsync(this HttpClient staff, Guid uploadId, string fieldId, long? value)
    {
        using var response = await staff.PostReviewAsync(uploadId, "Enter", new { fieldId, value });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"entry answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
