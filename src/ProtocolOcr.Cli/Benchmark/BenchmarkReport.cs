using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>
/// The figures over every photo and per level (clean, phone, hard, bad), as written by <c>bench --json</c>.
/// <see cref="Registered"/> counts only the good photos whose registration succeeded, so the reading and deciding
/// stages can be judged apart from page finding; null when the pipeline reports no page corners.
/// </summary>
public sealed record BenchmarkReport(
    string PipelineVersion,
    double RegistrationToleranceReferencePixels,
    BenchmarkMetrics Overall,
    IReadOnlyDictionary<string, BenchmarkMetrics> ByLevel,
    BenchmarkMetrics? Registered = null)
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
