namespace ProtocolOcr.Infrastructure.Downstream.Evidence;

/// <summary>The upload columns an evidence package records.</summary>
public sealed record EvidenceUpload(
    Guid Id, string Sha256, string BlobKey, string Format, long SizeBytes, DateTime ReceivedAt, string Status, string? ReasonCode);
