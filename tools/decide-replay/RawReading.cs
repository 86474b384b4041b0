using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Tools.DecideReplay;

/// <summary>One engine's reading of one field as saved by <c>record</c> (the crop box is not needed to decide).</summary>
internal sealed record RawReading(long? Value, string Text, double Confidence, FieldStatus Status, string? ReviewReason, List<ValueAlternative> Alternatives, string Engine)
{
    public static RawReading Of(FieldReading reading) =>
        new(reading.Value, reading.Text, reading.Confidence, reading.Status, reading.ReviewReason, [.. reading.Alternatives], reading.Engine);

    public FieldReading For(string fieldId) => new(fieldId, Value, Text, Confidence, Status, ReviewReason, Alternatives, Engine, default);
}
