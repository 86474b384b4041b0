using System.Net;
using System.Text.Json;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>Limits that only a real socket exercises: Kestrel's body limit.</summary>
[Collection(ServicesCollection.Name)]
public sealed class KestrelLimitsTests(ServicesFixture services) : IAsyncLifetime
{
    private const int MaxBytes = 1024 * 1024;
    private TestEnvironment _environment = null!;
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        // The address comes from a setting: UseKestrel(port) rewrites the server's addresses after start-up, which
        // intermittently throws (IServerAddressesFeature.Addresses cannot be modified after the server has started).
        _api = _environment.CreateApi(new Dictionary<string, string>
        {
            ["Uploads:MaxBytes"] = MaxBytes.ToString(),
            ["urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        });
        _api.UseKestrel();
        _api.StartServer();
        _client = await _environment.CreateObserverClientAsync(_api);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Oversized_body_with_content_length_gets_a_clean_413_json_answer()
    {
        using var response = await _client.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.NoisePng(1200, 1000)));

        await AssertTooLargeAsync(response);
        Assert.Equal(0, await _environment.UploadRowsAsync());
    }

    [Fact]
    public async Task Oversized_chunked_body_gets_a_clean_413_json_answer()
    {
        var form = UploadForm.Create(TestPhotos.NoisePng(1200, 1000));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/uploads")
        {
            Content = new StreamContent(await form.ReadAsStreamAsync()),
        };
        request.Content.Headers.ContentType = form.Headers.ContentType;
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        await AssertTooLargeAsync(response);
        Assert.Equal(0, await _environment.UploadRowsAsync());
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"got {(int)response.StatusCode}: {body}");
        Assert.Equal("file_too_large", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
    }
}
