using System.Globalization;
using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>
/// Prints each stage's mean core (process CPU) milliseconds over the photos that reached it, and the geometry stages'
/// (decode to crop) and the whole pipeline's mean core milliseconds per photo: over all photos, over the photos of at
/// least <see cref="LargePhotoMegapixels"/> MP (the budget is set per 12 MP photo) and per megapixel. Core time is
/// comparable on a busy machine; the mean wall milliseconds per stage are printed too.
/// </summary>
public static class StageCostTable
{
    public const double LargePhotoMegapixels = 10;
    private static readonly HashSet<string> GeometryStages = ["decode", "quality", "page", "register", "align", "orient", "crop"];

    public static void Write(TextWriter output, IReadOnlyList<PhotoOutcome> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        var wall = outcomes.SelectMany(outcome => outcome.Recognition.Timings)
            .GroupBy(timing => timing.Stage)
            .Select(group => $"{group.Key} {Milliseconds(group.Average(timing => timing.Milliseconds))}");
        output.WriteLine($"stage ms (mean wall): {string.Join(", ", wall)}");
        WriteCore(output, "all photos", outcomes);
        var large = outcomes.Where(outcome => Megapixels(outcome) >= LargePhotoMegapixels).ToList();
        if (large.Count > 0)
        {
            WriteCore(output, $">= {LargePhotoMegapixels:F0} MP", large);
        }

        var geometryPerMegapixel = outcomes.Average(outcome => Core(outcome, GeometryStages.Contains) / Megapixels(outcome));
        var totalPerMegapixel = outcomes.Average(outcome => Core(outcome, _ => true) / Megapixels(outcome));
        output.WriteLine(
            $"core ms per MP (mean over photos): geometry {Milliseconds(geometryPerMegapixel)}, all stages {Milliseconds(totalPerMegapixel)}");
    }

    private static void WriteCore(TextWriter output, string label, IReadOnlyList<PhotoOutcome> outcomes)
    {
        var stages = outcomes.SelectMany(outcome => outcome.Recognition.Timings)
            .GroupBy(timing => timing.Stage)
            .Select(group => $"{group.Key} {Milliseconds(group.Average(CoreOf))} (n={group.Count()})");
        output.WriteLine($"stage core ms, {label} ({outcomes.Count}, mean {Megapixels(outcomes):F1} MP): {string.Join(", ", stages)}");
        var geometry = outcomes.Average(outcome => Core(outcome, GeometryStages.Contains));
        var stagesTotal = outcomes.Average(outcome => Core(outcome, _ => true));
        var process = outcomes.Average(outcome => outcome.CpuSeconds * 1000);
        output.WriteLine(
            $"core ms per photo, {label}: geometry (decode to crop) {Milliseconds(geometry)}, all stages {Milliseconds(stagesTotal)}, " +
            $"process {Milliseconds(process)}");
    }

    private static double Core(PhotoOutcome outcome, Func<string, bool> stage) =>
        outcome.Recognition.Timings.Where(timing => stage(timing.Stage)).Sum(CoreOf);

    private static double CoreOf(StageTiming timing) => timing.CoreMilliseconds ?? timing.Milliseconds;

    private static double Megapixels(PhotoOutcome outcome) => outcome.Truth.ImageWidth * (double)outcome.Truth.ImageHeight / 1e6;

    private static double Megapixels(IReadOnlyList<PhotoOutcome> outcomes) => outcomes.Average(Megapixels);

    private static string Milliseconds(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
