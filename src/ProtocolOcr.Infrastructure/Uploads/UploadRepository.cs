using Dapper;
using Npgsql;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Infrastructure.Database;

namespace ProtocolOcr.Infrastructure.Uploads;

public sealed class UploadRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, sha256, blob_key AS BlobKey, election_id AS ElectionId, region, precinct, note, format,
        size_bytes AS SizeBytes, pixel_width AS PixelWidth, pixel_height AS PixelHeight, received_at AS ReceivedAt,
        status, reason_code AS ReasonCode, reason_message AS ReasonMessage, attempts, updated_at AS UpdatedAt,
        observer_token_id AS ObserverTokenId, submitted_by AS SubmittedBy
        """;

    /// <summary>The form id of the election, or null when the election is unknown.</summary>
    public async Task<string?> FindElectionFormAsync(string electionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT form_id FROM elections WHERE id = @electionId", new { electionId }, cancellationToken: cancellationToken));
    }

    public async Task<UploadRecord?> FindBySha256Async(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UploadRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM uploads WHERE sha256 = @sha256", new { sha256 }, cancellationToken: cancellationToken));
    }

    public async Task<UploadRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UploadRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM uploads WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Inserts the row on the caller's connection (inside its transaction) and records the receipt in the audit log.
    /// Returns false, writing nothing, when a row with the same SHA-256 exists (a concurrent duplicate won).
    /// </summary>
    public static async Task<bool> TryInsertAsync(
        NpgsqlConnection connection, UploadRecord upload, CancellationToken cancellationToken)
    {
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO uploads (id, sha256, blob_key, election_id, region, precinct, note, format, size_bytes,
                                 pixel_width, pixel_height, received_at, status, attempts, updated_at,
                                 observer_token_id, submitted_by)
            VALUES (@Id, @Sha256, @BlobKey, @ElectionId, @Region, @Precinct, @Note, @Format, @SizeBytes,
                    @PixelWidth, @PixelHeight, @ReceivedAt, @Status, @Attempts, @UpdatedAt,
                    @ObserverTokenId, @SubmittedBy)
            ON CONFLICT (sha256) DO NOTHING
            """, upload, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return false;
        }

        await AuditLog.AppendAsync(connection,
            new AuditEvent(upload.SubmittedBy ?? "api", "upload", upload.Id.ToString(), null, null, upload.Status, "photo received"),
            cancellationToken);
        return true;
    }

    /// <summary>
    /// Starts a processing run: counts the attempt and moves a queued (or interrupted) upload to processing.
    /// Returns the row as it now stands, or null for an unknown id. A finished upload is returned unchanged.
    /// </summary>
    public async Task<UploadRecord?> BeginProcessingAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var started = await connection.QuerySingleOrDefaultAsync<UploadRecord>(new CommandDefinition($"""
            UPDATE uploads SET status = 'processing', attempts = attempts + 1, updated_at = now()
            WHERE id = @id AND status IN ('queued', 'processing')
            RETURNING {Columns}
            """, new { id }, cancellationToken: cancellationToken));
        return started ?? await connection.QuerySingleOrDefaultAsync<UploadRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM uploads WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends an upload without a recognition (rejected before the pipeline ran, or failed) and audits it.</summary>
    public async Task FinishWithoutRecognitionAsync(
        Guid id, ProtocolStatus status, RejectionReason reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var previous = await connection.QuerySingleAsync<string>(new CommandDefinition("""
            UPDATE uploads u SET status = @status, reason_code = @code, reason_message = @message, updated_at = now()
            FROM (SELECT status FROM uploads WHERE id = @id FOR UPDATE) old
            WHERE u.id = @id
            RETURNING old.status
            """, new { id, status = status.ToWire(), code = reason.Code, message = reason.Message },
            transaction, cancellationToken: cancellationToken));
        await AuditLog.AppendAsync(connection,
            new AuditEvent("worker", "upload", id.ToString(), null, previous, status.ToWire(), $"{reason.Code}: {reason.Message}"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
