using System.Diagnostics;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Pipeline;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>
/// Runs the worker's pipeline in this process over every case, one photo at a time so each photo's CPU time is its own,
/// and measures wall time, process CPU time and peak memory. With <paramref name="statedPrecinctTypos"/> each photo
/// comes with the precinct an observer would type (<see cref="ObserverStatement"/>), as uploads do; null: none stated.
/// </summary>
public sealed class BenchmarkRunner(IProtocolPipeline pipeline, IFormCatalog catalog, double? statedPrecinctTypos = null)
{
    public async Task<(IReadOnlyList<PhotoOutcome> Outcomes, BenchmarkCosts Costs)> RunAsync(
        IReadOnlyList<BenchmarkCase> cases, IProgress<PhotoOutcome>? progress, CancellationToken cancellationToken)
    {
        var unknown = cases.Select(@case => @case.Truth.FormId).Distinct().Where(id => !catalog.FormIds.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new KeyNotFoundException($"Truth files name forms this installation does not have: {string.Join(", ", unknown)}.");
        }

        using var process = Process.GetCurrentProcess();
        var outcomes = new List<PhotoOutcome>(cases.Count);
        var run = Stopwatch.StartNew();
        foreach (var @case in cases)
        {
            var bytes = await File.ReadAllBytesAsync(@case.PhotoPath, cancellationToken);
            var form = catalog.Get(@case.Truth.FormId);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var options = statedPrecinctTypos is { } typos
                ? new PipelineRunOptions(StatedPrecinct: ObserverStatement.PrecinctFor(@case.Truth, form, typos))
                : PipelineRunOptions.Default;
            var recognition = await pipeline.ProcessAsync(bytes, form, options, cancellationToken);
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var outcome = new PhotoOutcome(@case.Truth, recognition, wall, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
            outcomes.Add(outcome);
            progress?.Report(outcome);
        }

        process.Refresh();
        return (outcomes, new BenchmarkCosts(run.Elapsed.TotalSeconds, process.PeakWorkingSet64 / (1024.0 * 1024.0)));
    }
}
