using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>
/// Outages of the database and of the blob store during uploads. This class stops and starts its own servers,
/// so it does not share them with other classes; it is in the collection only to run serially with them.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class StorageOutageTests : IAsyncLifetime
{
    private PostgresServer _postgres = null!;
    private AzuriteServer _azurite = null!;
    private TestEnvironment _environment = null!;
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        _azurite = await AzuriteServer.StartAsync();
        _environment = await TestEnvironment.CreateAsync(_postgres, _azurite);
        _api = _environment.CreateApi();
        _client = await _environment.CreateObserverClientAsync(_api);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _azurite.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Database_down_answers_503_with_retry_after_and_writes_nothing_then_recovers()
    {
        // Warm the pool first so the outage hits live pooled connections, as it would in production.
        using (var warm = await _client.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.Jpeg("before outage"))))
        {
            Assert.True(warm.StatusCode == HttpStatusCode.Accepted, await warm.Content.ReadAsStringAsync());
        }

        var blobsBefore = await _environment.BlobCountAsync();
        var photo = TestPhotos.Jpeg("during database outage");
        await _postgres.StopAsync();

        using (var down = await _client.PostAsync("/api/uploads", UploadForm.Create(photo)))
        {
            await AssertUnavailableAsync(down);
        }

        Assert.Equal(blobsBefore, await _environment.BlobCountAsync());
        await _postgres.StartAsync(CancellationToken.None);
        Assert.Equal(1, await _environment.UploadRowsAsync());

        using var again = await _client.PostAsync("/api/uploads", UploadForm.Create(photo));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var id = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(2, await _environment.UploadRowsAsync());
        Assert.Equal(1, await _environment.JobsForAsync(id));
    }

    [Fact]
    public async Task Blob_store_down_answers_503_with_retry_after_and_writes_no_row_or_job_then_recovers()
    {
        var photo = TestPhotos.Jpeg("during blob outage");
        await _azurite.StopAsync();

        using (var down = await _client.PostAsync("/api/uploads", UploadForm.Create(photo)))
        {
            await AssertUnavailableAsync(down);
        }

        Assert.Equal(0, await _environment.UploadRowsAsync());
        Assert.Equal(0, await _environment.JobsAsync());
        await _azurite.RestartAsync();

        using var again = await _client.PostAsync("/api/uploads", UploadForm.Create(photo));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(1, await _environment.UploadRowsAsync());
        Assert.Equal(1, await _environment.JobsAsync());
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"got {(int)response.StatusCode}: {body}");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("storage_unavailable", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
    }
}
