namespace ProtocolOcr.Infrastructure.Review;

/// <summary>One upload waiting for operators: its flagged fields, corrections awaiting a second entry, and any live claim.</summary>
public sealed record ReviewQueueItem(
    Guid UploadId,
    string ElectionId,
    string Region,
    string Precinct,
    DateTime ReceivedAt,
    long FlaggedFields,
    long PendingConfirmations,
    string? ClaimedBy,
    DateTime? ClaimExpiresAt);
