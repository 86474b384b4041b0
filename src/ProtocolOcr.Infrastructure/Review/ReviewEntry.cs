namespace ProtocolOcr.Infrastructure.Review;

/// <summary>A row of <c>review_entries</c>.</summary>
public sealed record ReviewEntry(
    Guid UploadId,
    string FieldId,
    long? OcrValue,
    long? Value,
    string EnteredBy,
    DateTime EnteredAt,
    string? ConfirmedBy,
    DateTime? ConfirmedAt)
{
    public bool IsCorrection => Value != OcrValue;

    /// <summary>Kept readings are final at once; corrections once a second operator confirmed them.</summary>
    public bool IsFinal => !IsCorrection || ConfirmedBy is not null;
}
