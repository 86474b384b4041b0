namespace ProtocolOcr.Infrastructure.Recognitions;

/// <summary>A row of <c>recognitions</c>; <see cref="Relations"/> is the stored JSON array of relation checks.</summary>
public sealed record RecognitionHeader(
    long Id,
    string FormId,
    string PipelineVersion,
    string Status,
    string? ReasonCode,
    string? ReasonMessage,
    string Relations,
    DateTime CreatedAt,
    string? AlignedPageKey = null);
