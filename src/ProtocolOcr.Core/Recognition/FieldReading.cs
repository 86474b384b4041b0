using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Core.Recognition;

/// <summary>
/// What the pipeline read in one field. <see cref="Box"/> is the field's box on the aligned page.
/// <see cref="Confidence"/> is 0..1; <see cref="Engine"/> names the engine(s) that produced the value, joined by '+'
/// when several read it alike. <see cref="Correction"/> is set when the value is not the one the engines read
/// but the one the form's arithmetic restored (<c>corrected_by_relation:R4</c>: relation R4 failed on the value read).
/// </summary>
public sealed record FieldReading(
    string FieldId,
    long? Value,
    string Text,
    double Confidence,
    FieldStatus Status,
    string? ReviewReason,
    IReadOnlyList<ValueAlternative> Alternatives,
    string Engine,
    BoxRect Box,
    string? Correction = null)
{
    /// <summary>How many engines read this value alike (the '+'-joined names in <see cref="Engine"/>).</summary>
    public int AgreeingEngines => Engine.Split('+', StringSplitOptions.RemoveEmptyEntries).Length;
}
