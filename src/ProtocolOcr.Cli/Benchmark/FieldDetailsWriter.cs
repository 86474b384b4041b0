using System.Globalization;
using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>
/// One CSV row per truth field of every good photo (<c>bench --fields FILE</c>): what was written, what was read, the
/// decision and its reason, so errors can be broken down by field, engine, digit count and reason.
/// </summary>
public static class FieldDetailsWriter
{
    public const string Header =
        "photo,level,hand,registered,violated,field,truth,value,correct,status,reason,confidence,engine,alternatives,in_alternatives";

    public static void Write(TextWriter output, IReadOnlyList<PhotoOutcome> outcomes, double toleranceReferencePixels)
    {
        output.WriteLine(Header);
        foreach (var outcome in outcomes.Where(outcome => outcome.Truth.ExpectedReason is null))
        {
            var readings = outcome.Recognition.Fields.ToDictionary(field => field.FieldId, StringComparer.Ordinal);
            var registered = MetricsCalculator.IsRegistered(outcome, toleranceReferencePixels);
            var violated = string.Join(" ", outcome.Truth.ViolatedRelations);
            foreach (var truth in outcome.Truth.Fields)
            {
                var reading = readings.GetValueOrDefault(truth.Id);
                var alternatives = reading?.Alternatives ?? [];
                string[] cells =
                [
                    outcome.Truth.Photo, outcome.Truth.Level, truth.Hand, registered ? "1" : "0", violated, truth.Id,
                    Number(truth.Value), Number(reading?.Value), reading?.Value == truth.Value ? "1" : "0",
                    StatusOf(outcome.Recognition, reading), reading?.ReviewReason ?? "",
                    reading?.Confidence.ToString("F4", CultureInfo.InvariantCulture) ?? "", reading?.Engine ?? "",
                    string.Join(" ", alternatives.Select(alternative =>
                        $"{Number(alternative.Value)}:{alternative.Confidence.ToString("F4", CultureInfo.InvariantCulture)}")),
                    alternatives.Any(alternative => alternative.Value == truth.Value) ? "1" : "0",
                ];
                output.WriteLine(string.Join(",", cells.Select(Quote)));
            }
        }
    }

    private static string StatusOf(ProtocolRecognition recognition, FieldReading? reading) =>
        recognition.Status == ProtocolStatus.Rejected ? "rejected:" + recognition.Rejection?.Code
        : reading is null ? "missing"
        : reading.Status.ToString();

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string cell) => cell.Contains(',') || cell.Contains('"') ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
}
