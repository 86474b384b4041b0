namespace ProtocolOcr.Infrastructure.Review;

/// <summary>A stored audit event as the review page shows it.</summary>
public sealed record AuditRecord(
    long Id, DateTime OccurredAt, string Actor, string? FieldId, string? OldValue, string? NewValue, string? Reason);
