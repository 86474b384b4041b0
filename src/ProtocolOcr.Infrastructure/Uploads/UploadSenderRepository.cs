using Dapper;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Uploads;

/// <summary>Observers who sent an already stored photo again; the upload row keeps only its first sender.</summary>
public sealed class UploadSenderRepository(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(Guid uploadId, string observerName, Guid? observerTokenId, DateTime sentAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO upload_senders (upload_id, observer_name, observer_token_id, first_sent_at)
            VALUES (@uploadId, @observerName, @observerTokenId, @sentAt)
            ON CONFLICT (upload_id, observer_name) DO NOTHING
            """, new { uploadId, observerName, observerTokenId, sentAt }, cancellationToken: cancellationToken));
    }

    public async Task<bool> WasSentByAsync(Guid uploadId, string observerName, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM upload_senders WHERE upload_id = @uploadId AND observer_name = @observerName)",
            new { uploadId, observerName }, cancellationToken: cancellationToken));
    }
}
