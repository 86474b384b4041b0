using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>Three worker processes on one queue: every upload is processed by exactly one of them, once.</summary>
[Collection(ServicesCollection.Name)]
public sealed class MultipleWorkersTests(ServicesFixture services) : ObserverApiTests(services)
{
    private const int Workers = 3;
    private const int Uploads = 6;
    [Fact]
    public async Task Three_workers_share_the_queue_and_no_upload_is_processed_twice()
    {
        var workers = Enumerable.Range(0, Workers).Select(_ => WorkerProcess.Start(Environment)).ToList();
        try
        {
            var ids = new List<Guid>();
            for (var variant = 20; variant < 20 + Uploads; variant++)
            {
                ids.Add(await Client.UploadAsync(ProtocolPhotos.Kazakh2019(variant).Photo));
            }

            await Eventually.HoldsAsync(
                async () => await Environment.ScalarAsync("SELECT count(*) FROM uploads WHERE status IN ('queued', 'processing')") == 0,
                TimeSpan.FromMinutes(10), () => "uploads still waiting; worker output:\n" + string.Join("\n---\n", workers.Select(w => w.Output)));

            foreach (var id in ids)
            {
                Assert.Equal(1, await Environment.ScalarAsync("SELECT attempts FROM uploads WHERE id = @id", new { id }));
                Assert.True(await Environment.RecognitionsForAsync(id) <= 1);
                Assert.Equal(1, await Environment.ScalarAsync(
                    "SELECT count(*) FROM audit_events WHERE actor = 'worker' AND entity_id = @id", new { id = id.ToString() }));
                Assert.Equal(1, await Environment.JobsForAsync(id));
            }

            var busy = workers.Count(w => ids.Any(id => w.Output.Contains(id.ToString(), StringComparison.Ordinal)));
            Assert.True(busy >= 2, $"only {busy} of {Workers} workers processed anything");
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }
}
