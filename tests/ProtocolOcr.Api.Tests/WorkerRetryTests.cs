using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>
/// The blob store goes away under the worker: the job is retried while it is down and completes once it is back;
/// if it never comes back the upload ends as failed with a reason instead of retrying forever.
/// This class stops its own Azurite, so it shares only PostgreSQL.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class WorkerRetryTests(ServicesFixture services) : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private TestEnvironment _environment = null!;
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        _environment = await TestEnvironment.CreateAsync(services.Postgres, _azurite);
        _api = _environment.CreateApi();
        _client = await _environment.CreateObserverClientAsync(_api);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Blob_store_outage_during_processing_is_retried_and_the_job_completes_when_it_is_back()
    {
        var (photo, _) = ProtocolPhotos.Kazakh2019(variant: 20);
        var id = await _client.UploadAsync(photo);
        await _azurite.StopAsync();

        await using var worker = WorkerProcess.Start(_environment);
        await Eventually.HoldsAsync(
            async () => await _environment.ScalarAsync("SELECT attempts FROM uploads WHERE id = @id", new { id }) >= 2,
            TimeSpan.FromMinutes(2), () => "no retry happened; worker output:\n" + worker.Output);
        await _azurite.RestartAsync();
        var status = await _client.WaitUntilFinishedAsync(id, worker);

        Assert.Contains(status.GetProperty("status").GetString(), new[] { "accepted", "needs_review" });
        Assert.Equal(1, await _environment.RecognitionsForAsync(id));
    }

    [Fact]
    public async Task Upload_whose_attempts_are_used_up_ends_failed_with_a_reason()
    {
        var id = await _client.UploadAsync(TestPhotos.Jpeg("never processed"));
        await _azurite.StopAsync();

        await using var worker = WorkerProcess.Start(_environment, maxAttempts: 2);
        var status = await _client.WaitUntilFinishedAsync(id, worker);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal("processing_failed", status.GetProperty("reason").GetProperty("code").GetString());
        Assert.Equal(2, await _environment.ScalarAsync("SELECT attempts FROM uploads WHERE id = @id", new { id }));
        Assert.Equal(0, await _environment.RecognitionsForAsync(id));
    }

    [Fact]
    public async Task Upload_whose_original_is_gone_ends_failed_at_once_without_retries()
    {
        var id = await _client.UploadAsync(TestPhotos.Jpeg("original deleted"));
        var sha256 = (await _client.StatusAsync(id)).GetProperty("sha256").GetString()!;
        await _environment.DeleteBlobAsync(sha256);

        await using var worker = WorkerProcess.Start(_environment);
        var status = await _client.WaitUntilFinishedAsync(id, worker);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal("processing_failed", status.GetProperty("reason").GetProperty("code").GetString());
        Assert.Equal(1, await _environment.ScalarAsync("SELECT attempts FROM uploads WHERE id = @id", new { id }));
        await Eventually.HoldsAsync(
            async () => await _environment.ScalarAsync(
                "SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE @pattern AND statename = 'Failed'",
                new { pattern = $"%{id}%" }) == 1,
            TimeSpan.FromMinutes(1), () => "the job did not end failed; worker output:\n" + worker.Output);
    }
}
