using System.Globalization;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>Prints a report as a plain text table: one row per figure, one column overall and one per level.</summary>
public static class BenchmarkTable
{
    public static void Write(TextWriter output, BenchmarkReport report)
    {
        var columns = new List<(string Name, BenchmarkMetrics Metrics)> { ("overall", report.Overall) };
        columns.AddRange(report.ByLevel.Select(pair => (pair.Key, pair.Value)));
        if (report.Registered is { } registered)
        {
            columns.Add(("registered", registered));
        }

        var rows = new (string Name, Func<BenchmarkMetrics, string> Value)[]
        {
            ("photos", m => Count(m.Photos)),
            ("fields", m => Count(m.Fields)),
            ("field_accuracy", m => Percent(m.FieldAccuracy)),
            ("auto_accepted_fields", m => Count(m.AutoAcceptedFields)),
            ("auto_accepted_accuracy", m => Percent(m.AutoAcceptedAccuracy)),
            ("silent_errors", m => Count(m.SilentErrors)),
            ("silent_error_rate", m => Percent(m.SilentErrorRate)),
            ("review_rate", m => Percent(m.ReviewRate)),
            ("review_rate_consistent_protocols", m => Percent(m.ConsistentProtocolsReviewRate)),
            ("protocols_fully_auto_correct", m => Percent(m.ProtocolsFullyAutoCorrectRate)),
            ("violated_protocols_accepted", m => $"{m.ViolatedProtocolsAccepted} of {m.ViolatedProtocols}"),
            ("registration_success_rate", m => Percent(m.RegistrationSuccessRate)),
            ("bad_photos_rejected_with_right_reason", m => Percent(m.BadPhotosRejectedWithRightReasonRate)),
            ("good_photos_falsely_rejected", m => Percent(m.GoodPhotosFalselyRejectedRate)),
            ("photos_per_second", m => Number(m.PhotosPerSecond)),
            ("core_seconds_per_photo", m => Number(m.CoreSecondsPerPhoto)),
            ("peak_memory_mb", m => Number(m.PeakMemoryMb)),
        };

        var nameWidth = rows.Max(row => row.Name.Length);
        output.WriteLine($"{"".PadRight(nameWidth)}  {string.Join("  ", columns.Select(column => column.Name.PadLeft(10)))}");
        foreach (var (name, value) in rows)
        {
            output.WriteLine($"{name.PadRight(nameWidth)}  {string.Join("  ", columns.Select(column => value(column.Metrics).PadLeft(10)))}");
        }

        var stated = report.StatedPrecinctTypoShare is { } typos
            ? $"precinct stated with each photo, {Percent(typos)} typos"
            : "no precinct stated with the photos";
        output.WriteLine($"pipeline {report.PipelineVersion}; registration tolerance {report.RegistrationToleranceReferencePixels} reference px; {stated}");
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double? rate) => rate is { } value ? (value * 100).ToString("F2", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Number(double? value) => value?.ToString("F3", CultureInfo.InvariantCulture) ?? "-";
}
