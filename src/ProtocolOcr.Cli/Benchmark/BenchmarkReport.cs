using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>
/// The figures over every photo and per level (clean, phone, hard, bad), as written by <c>bench --json</c>.
/// <see cref="Registered"/> counts only the good photos whose registration succeeded, so the reading and deciding
/// stages can be judged apart from page finding; null when the pipeline reports no page corners.
/// <see cref="StatedPrecinctTypoShare"/>: null when no precinct was stated with the photos, else the share of typos in
/// the precincts the simulated observers typed (<see cref="ObserverStatement"/>).
/// </summary>
public sealed record BenchmarkReport(
    string PipelineVersion,
    double RegistrationToleranceReferencePixels,
    BenchmarkMetrics Overall,
    IReadOnlyDictionary<string, BenchmarkMetrics> ByLevel,
    BenchmarkMetrics? Registered = null,
    double? StatedPrecinctTypoShare = null)
{
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
