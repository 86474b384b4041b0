using Azure.Storage.Blobs.Models;
using Dapper;
using Npgsql;
using ProtocolOcr.Infrastructure.Blobs;
using ProtocolOcr.Infrastructure.Configuration;

namespace ProtocolOcr.Cli.Loadtest;

/// <summary>Reads the load test's database and blob container directly, to reconcile them with what was sent.</summary>
public sealed class StoreProbe(string databaseConnectionString, string blobConnectionString, string container)
{
    private const string Unfinished = "('queued', 'processing')";
    private const string Prefix = "originals/";

    public async Task<long> UnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(databaseConnectionString);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM uploads WHERE status IN {Unfinished}", cancellationToken: cancellationToken));
    }

    public async Task<StoredCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(databaseConnectionString);
        var rows = (await connection.QueryAsync<(string Sha256, string Status, string? Reason)>(new CommandDefinition("""
            SELECT u.sha256, u.status, coalesce(u.reason_code, r.reason_code) AS reason
            FROM uploads u
            LEFT JOIN LATERAL (SELECT reason_code FROM recognitions WHERE upload_id = u.id ORDER BY id DESC LIMIT 1) r ON true
            """, cancellationToken: cancellationToken))).ToList();
        var recognitionRows = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM recognitions");
        var withResult = await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM uploads u
            WHERE EXISTS (SELECT 1 FROM recognitions r WHERE r.upload_id = u.id)
               OR (u.status = 'rejected' AND u.reason_code IS NOT NULL)
            """);
        var processedTwice = await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM (
                SELECT upload_id::text AS id FROM recognitions GROUP BY upload_id HAVING count(*) > 1
                UNION
                SELECT entity_id FROM audit_events WHERE actor = 'worker' AND entity = 'upload'
                GROUP BY entity_id HAVING count(*) > 1) twice
            """);
        return new StoredCounts(
            rows.Count,
            rows.Select(r => r.Sha256).ToHashSet(),
            rows.Where(r => r.Status is not ("queued" or "processing")).Select(r => r.Sha256).ToHashSet(),
            await BlobSha256sAsync(cancellationToken),
            recognitionRows,
            withResult,
            rows.Count(r => r.Status == "rejected"),
            rows.Count(r => r.Status == "failed"),
            processedTwice,
            rows.GroupBy(r => r.Reason is null ? r.Status : $"{r.Status}/{r.Reason}")
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count()));
    }

    private async Task<IReadOnlySet<string>> BlobSha256sAsync(CancellationToken cancellationToken)
    {
        var client = OriginalPhotoStore.CreateContainerClient(
            new BlobStorageOptions { ConnectionString = blobConnectionString, Container = container });
        var keys = new HashSet<string>();
        if (!(await client.ExistsAsync(cancellationToken)).Value)
        {
            return keys;
        }

        // Only originals: the worker also stores each recognition's aligned page under aligned/.
        await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix }, cancellationToken))
        {
            keys.Add(blob.Name[Prefix.Length..]);
        }

        return keys;
    }
}
