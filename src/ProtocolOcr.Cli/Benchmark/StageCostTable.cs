using System.Globalization;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>
/// Prints each stage's mean wall milliseconds over the photos that reached it, and the geometry stages' (decode to crop)
/// mean per photo: wall time, so run it on an otherwise idle machine to compare with core-second budgets.
/// </summary>
public static class StageCostTable
{
    private static readonly HashSet<string> GeometryStages = ["decode", "quality", "page", "register", "align", "orient", "crop"];

    public static void Write(TextWriter output, IReadOnlyList<PhotoOutcome> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        var stages = outcomes.SelectMany(outcome => outcome.Recognition.Timings)
            .GroupBy(timing => timing.Stage)
            .Select(group => $"{group.Key} {Milliseconds(group.Average(timing => timing.Milliseconds))} (n={group.Count()})");
        output.WriteLine($"stage ms (mean wall): {string.Join(", ", stages)}");
        var geometry = outcomes.Average(outcome =>
            outcome.Recognition.Timings.Where(timing => GeometryStages.Contains(timing.Stage)).Sum(timing => timing.Milliseconds));
        output.WriteLine($"geometry ms per photo (decode to crop, mean wall): {Milliseconds(geometry)}");
    }

    private static string Milliseconds(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
