namespace ProtocolOcr.Infrastructure.Database;

/// <summary>One append-only audit row: who changed which entity (and field) from what to what, and why.</summary>
public sealed record AuditEvent(
    string Actor, string Entity, string EntityId, string? FieldId, string? OldValue, string? NewValue, string? Reason);
