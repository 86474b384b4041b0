using Dapper;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Database;

public static class AuditLog
{
    /// <summary>Appends on the caller's connection so the event commits or rolls back with the change it describes.</summary>
    public static Task AppendAsync(NpgsqlConnection connection, AuditEvent auditEvent, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_events (actor, entity, entity_id, field_id, old_value, new_value, reason)
            VALUES (@Actor, @Entity, @EntityId, @FieldId, @OldValue, @NewValue, @Reason)
            """, auditEvent, cancellationToken: cancellationToken));
}
