using System.Net;
using System.Text.Json;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>
/// PostgreSQL restarted in the middle of a batch: uploads answer 503 while it is down, the worker carries on once it is
/// back, and every upload, including the one refused during the outage and sent again, ends with one result.
/// Stops and starts its own servers, so it shares none with other classes.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private const int InvisibilityTimeoutSeconds = 20;
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
    public async Task Database_restart_mid_batch_answers_503_while_down_and_loses_nothing()
    {
        await using var worker = WorkerProcess.Start(_environment, InvisibilityTimeoutSeconds, maxAttempts: 10);
        var ids = new List<Guid>();
        for (var variant = 30; variant < 34; variant++)
        {
            ids.Add(await _client.UploadAsync(ProtocolPhotos.Kazakh2019(variant).Photo));
        }

        await Eventually.HoldsAsync(
            async () => await _environment.ScalarAsync("SELECT count(*) FROM uploads WHERE status <> 'queued'") > 0,
            TimeSpan.FromMinutes(3), () => "the worker never started:\n" + worker.Output);
        await _postgres.StopAsync();

        var refused = ProtocolPhotos.Kazakh2019(34).Photo;
        using (var down = await _client.PostAsync("/api/uploads", UploadForm.Create(refused)))
        {
            var body = await down.Content.ReadAsStringAsync();
            Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"got {(int)down.StatusCode}: {body}");
            Assert.NotNull(down.Headers.RetryAfter);
            Assert.Equal("storage_unavailable", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        await _postgres.StartAsync(CancellationToken.None);
        ids.Add(await _client.UploadAsync(refused));

        await Eventually.HoldsAsync(
            async () => await _environment.ScalarAsync("SELECT count(*) FROM uploads WHERE status IN ('queued', 'processing')") == 0,
            TimeSpan.FromMinutes(10), () => "uploads still waiting after the restart; worker output:\n" + worker.Output);
        Assert.False(worker.HasExited, "the worker died with the database:\n" + worker.Output);
        Assert.Equal(ids.Count, await _environment.UploadRowsAsync());
        foreach (var id in ids)
        {
            var status = (await _client.StatusAsync(id)).GetProperty("status").GetString();
            Assert.Contains(status, new[] { "accepted", "needs_review", "rejected" });
            Assert.True(await _environment.RecognitionsForAsync(id) <= 1);
            Assert.Equal(1, await _environment.ScalarAsync(
                "SELECT count(*) FROM audit_events WHERE actor = 'worker' AND entity_id = @id", new { id = id.ToString() }));
        }
    }
}
