namespace ProtocolOcr.Infrastructure.Review;

/// <summary>Whether the caller now holds the upload; otherwise who does, and until when.</summary>
public sealed record ClaimResult(bool Granted, string ClaimedBy, DateTime ExpiresAt);
