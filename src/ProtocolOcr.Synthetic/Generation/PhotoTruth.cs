using System.Text.Json;
using System.Text.Json.Serialization;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Synthetic.Generation;

/// <summary>
/// The ground truth written next to each generated photo as <c>&lt;name&gt;.truth.json</c>. For the bad level,
/// <see cref="ExpectedReason"/> is the reason code a correct pipeline must reject the photo with; otherwise null.
/// <see cref="ViolatedRelations"/> lists error relations broken on purpose (a real protocol's own arithmetic slip).
/// <see cref="PageCorners"/> are the reference page's corners (top-left, top-right, bottom-right, bottom-left of the
/// form as printed, <see cref="ReferenceWidth"/> x <see cref="ReferenceHeight"/>) in the photo; null when no protocol
/// page is in the picture.
/// </summary>
public sealed record PhotoTruth(
    string Photo,
    string FormId,
    string FormVersion,
    string Level,
    string Hand,
    int Seed,
    int Index,
    int ImageWidth,
    int ImageHeight,
    int ReferenceWidth,
    int ReferenceHeight,
    string? ExpectedReason,
    IReadOnlyList<string> ViolatedRelations,
    IReadOnlyList<TruthPoint>? PageCorners,
    IReadOnlyList<FieldTruth> Fields,
    string Pen,
    CaptureSettings Capture)
{
    public const string FileSuffix = ".truth.json";

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static PhotoTruth Load(string path) =>
        JsonSerializer.Deserialize<PhotoTruth>(File.ReadAllText(path), JsonOptions)
        ?? throw new InvalidDataException($"'{path}' is not a truth file.");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
