using System.Diagnostics;

namespace ProtocolOcr.Cli.Loadtest;

/// <summary>
/// One load run: generate the photo pool, start the private stack, send the burst, wait until every upload is
/// processed (or the time bound passes), measure, reconcile, stop everything.
/// </summary>
public sealed class LoadtestRunner(LoadtestSettings settings, TextWriter log)
{
    public async Task<LoadtestReport> RunAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);

        await log.WriteLineAsync($"Generating {settings.PoolSize} distinct protocol photos...");
        var pool = PhotoPool.Generate(Math.Min(settings.PoolSize, settings.Uploads), settings.Seed, deadline.Token);
        var plan = UploadPlan.Create(settings, pool.Count);
        await using var stack = await LoadStack.StartAsync(settings, log);
        var probe = new StoreProbe(stack.DatabaseConnectionString, stack.Azurite.ConnectionString, LoadStack.Container);

        await log.WriteLineAsync($"Sending {plan.Count} uploads, {settings.Concurrency} at a time, to {settings.Workers} worker process(es)...");
        var clock = Stopwatch.StartNew();
        var outcomes = await new UploadBurst(stack.ApiAddress, pool, settings.Concurrency, stack.ObserverTokens).SendAsync(plan, deadline.Token);
        var uploadSeconds = clock.Elapsed.TotalSeconds;
        await log.WriteLineAsync($"Uploads answered in {uploadSeconds:F1} s; waiting for the workers...");

        var allProcessed = await WaitUntilProcessedAsync(probe, stack, deadline.Token, cancellationToken);
        var processingSeconds = clock.Elapsed.TotalSeconds;
        var apiPeak = stack.Api!.PeakMemoryMegabytes;
        var workerPeak = stack.Workers.Max(w => w.PeakMemoryMegabytes);
        var (report, mismatches) = Reconciliation.Reconcile(outcomes, await probe.CountAsync(cancellationToken));
        if (!allProcessed)
        {
            mismatches = [$"not every upload was processed within {settings.Timeout.TotalMinutes:F0} min", .. mismatches];
        }

        if (mismatches.Count > 0)
        {
            // Only warnings and errors are logged by the services here; they say why an answer or a job went wrong.
            await log.WriteLineAsync("API log:\n" + Tail(stack.Api.Output));
            foreach (var worker in stack.Workers)
            {
                await log.WriteLineAsync($"worker {worker.Id} log:\n" + Tail(worker.Output));
            }
        }

        var latencies = outcomes.Where(o => o.Acknowledged).Select(o => o.LatencyMs).Order().ToList();
        return report with
        {
            Workers = settings.Workers,
            ThreadsPerWorker = settings.ThreadsPerWorker,
            Concurrency = settings.Concurrency,
            MeanPhotoMb = Math.Round(pool.TotalBytes / (double)pool.Count / (1024 * 1024), 2),
            UploadSeconds = Math.Round(uploadSeconds, 1),
            AckPerSecond = Math.Round(report.Receipts / uploadSeconds, 1),
            P50AckMs = Percentile(latencies, 0.50),
            P95AckMs = Percentile(latencies, 0.95),
            P99AckMs = Percentile(latencies, 0.99),
            SecondsUntilAllProcessed = Math.Round(processingSeconds, 1),
            ProcessedPerSecond = Math.Round(report.DistinctPhotos / processingSeconds, 2),
            ApiPeakMb = Math.Round(apiPeak),
            WorkerPeakMb = Math.Round(workerPeak),
            Reconciled = mismatches.Count == 0,
            Mismatches = mismatches,
        };
    }

    /// <summary>False when the deadline passes first or every worker has died; the caller's own cancellation is thrown.</summary>
    private async Task<bool> WaitUntilProcessedAsync(
        StoreProbe probe, LoadStack stack, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var lastReport = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                var unfinished = await probe.UnfinishedAsync(deadline);
                if (unfinished == 0)
                {
                    return true;
                }

                if (stack.Workers.All(w => w.HasExited))
                {
                    await log.WriteLineAsync("Every worker process has exited:\n" + stack.Workers[0].Output);
                    return false;
                }

                if (lastReport.Elapsed > TimeSpan.FromSeconds(30))
                {
                    await log.WriteLineAsync($"  {unfinished} uploads not yet processed");
                    lastReport.Restart();
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), deadline);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(60));

    private static double Percentile(IReadOnlyList<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)], 1);
}
