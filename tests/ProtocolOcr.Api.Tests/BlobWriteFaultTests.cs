using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ProtocolOcr.Api.Tests.Harness;
using ProtocolOcr.Infrastructure.Blobs;

namespace ProtocolOcr.Api.Tests;

/// <summary>
/// A blob write that fails (storage full) never leaves a row claiming the missing original: the original is written
/// before the row, every time, and a failed write stops the upload with 503 before any row or job exists.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class BlobWriteFaultTests(ServicesFixture services) : IAsyncLifetime
{
    private TestEnvironment _environment = null!;
    private FaultyPhotoStore _store = null!;
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        _api = _environment.CreateApi(replaceServices: collection => collection.AddSingleton<IOriginalPhotoStore>(provider =>
            _store = new FaultyPhotoStore(new OriginalPhotoStore(provider.GetRequiredService<BlobContainerClient>()),
                sha256 => _environment.ScalarAsync("SELECT count(*) FROM uploads WHERE sha256 = @sha256", new { sha256 }))));
        _client = await _environment.CreateObserverClientAsync(_api);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Storage_full_answers_503_and_leaves_no_row_no_job_then_the_resend_is_stored_whole()
    {
        var photo = TestPhotos.Jpeg("storage full");
        using (var warm = await _client.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.Jpeg("before the disk filled"))))
        {
            Assert.Equal(HttpStatusCode.Accepted, warm.StatusCode);
        }

        _store.DiskFull = true;
        using (var full = await _client.PostAsync("/api/uploads", UploadForm.Create(photo)))
        {
            var body = await full.Content.ReadAsStringAsync();
            Assert.True(full.StatusCode == HttpStatusCode.ServiceUnavailable, $"got {(int)full.StatusCode}: {body}");
            Assert.NotNull(full.Headers.RetryAfter);
            Assert.Equal("storage_unavailable", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
        }

        Assert.Equal(1, await _environment.UploadRowsAsync());
        Assert.Equal(1, await _environment.JobsAsync());
        await AssertEveryRowHasItsBlobAsync();

        _store.DiskFull = false;
        using var again = await _client.PostAsync("/api/uploads", UploadForm.Create(photo));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var sha256 = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString()!;
        Assert.Equal(photo, await _environment.ReadBlobAsync(sha256));
        await AssertEveryRowHasItsBlobAsync();
    }

    [Fact]
    public async Task The_original_is_written_before_the_row_that_claims_it()
    {
        var photos = Enumerable.Range(0, 5).Select(i => TestPhotos.Jpeg($"order {i}")).ToList();

        foreach (var photo in photos)
        {
            using var response = await _client.PostAsync("/api/uploads", UploadForm.Create(photo));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Equal(photos.Count, _store.Writes.Count);
        Assert.All(_store.Writes, write => Assert.Equal(0, write.RowsBefore));
        Assert.Equal(photos.Count, await _environment.UploadRowsAsync());
        await AssertEveryRowHasItsBlobAsync();
    }

    private async Task AssertEveryRowHasItsBlobAsync()
    {
        await using var dataSource = _environment.CreateDataSource();
        var report = await new ProtocolOcr.Infrastructure.Consistency.ConsistencyCheck(dataSource, _environment.ContainerClient())
            .RunAsync(CancellationToken.None);
        Assert.Empty(report.RowsWithoutBlobs);
    }
}
