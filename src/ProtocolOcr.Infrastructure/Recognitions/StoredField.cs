namespace ProtocolOcr.Infrastructure.Recognitions;

/// <summary>A row of <c>fields</c>; <see cref="Alternatives"/> is the stored JSON array of alternatives.</summary>
public sealed record StoredField(
    string FieldId,
    long? Value,
    string Text,
    double Confidence,
    string Status,
    string? ReviewReason,
    string Alternatives,
    string Engine,
    int X,
    int Y,
    int Width,
    int Height,
    string Source);
