using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProtocolOcr.Cli.Processing;

/// <summary>JSON for <c>process --json</c>: camelCase names, enums in the snake_case wire form (needs_review).</summary>
public static class ProcessResultJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void Write(TextWriter output, IReadOnlyList<ProcessedPhoto> results) =>
        output.WriteLine(JsonSerializer.Serialize(results, Options));
}
