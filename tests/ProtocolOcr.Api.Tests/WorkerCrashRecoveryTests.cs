using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>A worker killed with SIGKILL in the middle of a job: after a restart the job completes exactly once.</summary>
[Collection(ServicesCollection.Name)]
public sealed class WorkerCrashRecoveryTests(ServicesFixture services) : ObserverApiTests(services)
{
    /// <summary>Short, so the restarted worker takes the dead worker's job soon; sliding keeps live jobs safe.</summary>
    private const int InvisibilityTimeoutSeconds = 20;

    [Fact]
    public async Task Worker_killed_mid_job_leaves_the_job_to_a_restarted_worker_which_completes_it_once()
    {
        var (id, output) = await KillWorkerWhileProcessingAsync();
        Assert.True(id != Guid.Empty, "the worker always finished before it could be killed:\n" + output);
        Assert.Equal(0, await Environment.RecognitionsForAsync(id));

        await using var restarted = WorkerProcess.Start(Environment, InvisibilityTimeoutSeconds);
        var status = await Client.WaitUntilFinishedAsync(id, restarted);

        Assert.Contains(status.GetProperty("status").GetString(), new[] { "accepted", "needs_review" });
        Assert.Equal(1, await Environment.RecognitionsForAsync(id));
        Assert.Equal(2, await Environment.ScalarAsync("SELECT attempts FROM uploads WHERE id = @id", new { id }));
        Assert.Equal(1, await Environment.JobsForAsync(id));
    }

    /// <summary>
    /// Uploads protocol photos to a fresh worker and SIGKILLs it as soon as an upload is marked processing. Whether
    /// the kill lands before the result is written is a race, so it is checked afterwards (the dead process can no
    /// longer change anything) and tried again with a new photo if the worker had already finished.
    /// </summary>
    private async Task<(Guid Id, string Output)> KillWorkerWhileProcessingAsync()
    {
        var output = "";
        for (var variant = 10; variant < 15; variant++)
        {
            var (photo, _) = ProtocolPhotos.Kazakh2019(variant);
            await using var worker = WorkerProcess.Start(Environment, InvisibilityTimeoutSeconds);
            var id = await Client.UploadAsync(photo);
            await Eventually.HoldsAsync(
                async () => await Environment.ScalarAsync(
                    "SELECT count(*) FROM uploads WHERE id = @id AND status <> 'queued'", new { id }) == 1,
                TimeSpan.FromMinutes(2), () => "the worker never took the job:\n" + worker.Output);
            await worker.KillAsync();
            output = worker.Output;

            var status = await Environment.ScalarAsync(
                "SELECT count(*) FROM uploads WHERE id = @id AND status = 'processing'", new { id });
            if (status == 1)
            {
                return (id, output);
            }
        }

        return (Guid.Empty, output);
    }
}
