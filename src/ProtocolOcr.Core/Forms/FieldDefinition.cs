namespace ProtocolOcr.Core.Forms;

/// <summary>
/// One field of a form. <see cref="Box"/> is where the value is written, in reference coordinates;
/// <see cref="DigitBoxes"/> is the number of one-digit cells inside it (0 when the value is written freely).
/// </summary>
public sealed record FieldDefinition(
    string Id,
    FieldKind Kind,
    BoxRect Box,
    LocalizedText Label,
    string? LineNumber = null,
    int DigitBoxes = 0,
    bool Words = false,
    BoxRect? WordsBox = null,
    bool Optional = false,
    long? Default = null,
    string? Group = null,
    FieldSynthesis? Synthesis = null);
