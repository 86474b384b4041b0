using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Api.Review;

/// <summary>
/// One field as the review page shows it. <see cref="State"/>: <c>ocr</c> (no operator entry), <c>kept</c>,
/// <c>confirmed</c>, <c>yours-pending</c> (your correction waits for a second operator) or <c>awaiting-you</c> (another
/// operator's correction: type what you read, blind). <see cref="Words"/>: where the form writes the count in words, if it does.
/// </summary>
public sealed record ReviewFieldView(
    string FieldId,
    string Label,
    string? LineNumber,
    int X,
    int Y,
    int Width,
    int Height,
    long? OcrValue,
    long? ShownValue,
    double Confidence,
    string Status,
    string? ReviewReason,
    IReadOnlyList<ValueAlternative> Alternatives,
    string State,
    string? EnteredBy,
    BoxRect? Words)
{
    public bool Flagged => Status == "needs_review" || State is "yours-pending" or "awaiting-you";
}
