using System.CommandLine;
using System.Text.Json;
using ProtocolOcr.Cli.Loadtest;

namespace ProtocolOcr.Cli.Commands;

/// <summary>
/// <c>loadtest --uploads N --concurrency C --workers W [--json FILE]</c>: a private PostgreSQL, Azurite, API and W worker
/// processes on loopback, a burst of generated protocol photos (1-5 MB, with duplicates), and the figures: acknowledgements
/// per second and their latency, time until all are processed, memory, and the reconciliation of sent against stored.
/// Exit 0 when everything reconciles, 1 on any mismatch, 2 on bad arguments.
/// </summary>
public static class LoadtestCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create()
    {
        var uploads = new Option<int>("--uploads") { Description = "Upload requests to send, duplicates included.", DefaultValueFactory = _ => 1000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 50 };
        var workers = new Option<int>("--workers") { Description = "Worker processes.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads-per-worker") { Description = "Job threads in each worker process.", DefaultValueFactory = _ => 1 };
        var pool = new Option<int>("--pool") { Description = "Distinct generated photos the uploads are made from.", DefaultValueFactory = _ => 24 };
        var duplicates = new Option<double>("--duplicates") { Description = "Share of uploads that resend an earlier upload's bytes.", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<int>("--seed") { Description = "Seed of photos, sizes and duplicates.", DefaultValueFactory = _ => 8 };
        var timeout = new Option<int>("--timeout-minutes") { Description = "Bound on the whole run.", DefaultValueFactory = _ => 90 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures to this JSON file." };

        var command = new Command("loadtest", "Burst of uploads against a private local stack; prints throughput, latency, memory and the reconciliation.")
        {
            uploads, concurrency, workers, threads, pool, duplicates, seed, timeout, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var settings = new LoadtestSettings(parse.GetValue(uploads), parse.GetValue(concurrency), parse.GetValue(workers),
                parse.GetValue(threads), parse.GetValue(pool), parse.GetValue(duplicates), parse.GetValue(seed),
                TimeSpan.FromMinutes(parse.GetValue(timeout)));
            if (settings.Uploads < 1 || settings.Concurrency < 1 || settings.Workers < 1 || settings.ThreadsPerWorker < 1
                || settings.PoolSize < 1 || settings.DuplicateShare is < 0 or >= 1 || settings.Timeout <= TimeSpan.Zero)
            {
                await error.WriteLineAsync("--uploads, --concurrency, --workers, --threads-per-worker, --pool and --timeout-minutes must be positive; --duplicates in [0, 1).");
                return 2;
            }

            var report = await new LoadtestRunner(settings, output).RunAsync(cancellationToken);
            var text = JsonSerializer.Serialize(report, Json);
            await output.WriteLineAsync(text);
            if (parse.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, text + "\n", cancellationToken);
            }

            if (!report.Reconciled)
            {
                await error.WriteLineAsync("Reconciliation failed: " + string.Join("; ", report.Mismatches));
                return 1;
            }

            return 0;
        });
        return command;
    }
}
