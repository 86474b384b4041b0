using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Dapper;
using Npgsql;
using ProtocolOcr.Infrastructure.Blobs;

namespace ProtocolOcr.Infrastructure.Consistency;

/// <summary>
/// Compares the upload rows with the blob store and the Hangfire queue: originals without rows, rows whose original is
/// missing, and uploads waiting for a job that no longer exists. Reads only; changes nothing.
/// </summary>
public sealed class ConsistencyCheck(NpgsqlDataSource dataSource, BlobContainerClient container)
{
    private const string BlobPrefix = "originals/";

    public async Task<ConsistencyReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(Guid Id, string BlobKey)>(new CommandDefinition(
            "SELECT id, blob_key AS BlobKey FROM uploads", cancellationToken: cancellationToken))).ToList();
        // A job's arguments are the JSON-serialised upload id; Hangfire keeps finished jobs for a day, so only a live
        // state counts as a job that will still run.
        var stuck = (await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT u.id FROM uploads u
            WHERE u.status IN ('queued', 'processing')
              AND NOT EXISTS (
                  SELECT 1 FROM hangfire.job j
                  WHERE j.arguments::text LIKE '%' || u.id::text || '%'
                    AND j.statename IN ('Enqueued', 'Scheduled', 'Processing', 'Awaiting'))
            ORDER BY u.id
            """, cancellationToken: cancellationToken))).ToList();

        var blobs = await BlobKeysAsync(cancellationToken);
        var rowKeys = rows.Select(r => r.BlobKey).ToHashSet(StringComparer.Ordinal);
        return new ConsistencyReport(
            rows.Count,
            blobs.Count,
            blobs.Where(key => !rowKeys.Contains(key)).Order(StringComparer.Ordinal).ToList(),
            rows.Where(r => !blobs.Contains(r.BlobKey)).Select(r => r.Id).Order().ToList(),
            stuck);
    }

    private async Task<HashSet<string>> BlobKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!(await container.ExistsAsync(cancellationToken)).Value)
        {
            return keys;
        }

        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = BlobPrefix }, cancellationToken))
        {
            keys.Add(blob.Name);
        }

        return keys;
    }
}
