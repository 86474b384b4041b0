using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Npgsql;
using ProtocolOcr.Infrastructure.Blobs;
using ProtocolOcr.Infrastructure.Downstream.Consensus;

namespace ProtocolOcr.Infrastructure.Downstream.Evidence;

/// <summary>
/// Builds a precinct's evidence package: every original photo of the precinct (as stored, re-hashed on the way out),
/// the uploads with receipt times, each upload's latest recognition, the consensus (final values and provenance),
/// the review history (audit events), the official values with differences, and a manifest of SHA-256s. The content
/// is deterministic for the same stored state, so the manifest hash can be shown on the report without building the
/// zip, and recomputed by anyone who unpacks it.
/// </summary>
public sealed class EvidencePackageBuilder(NpgsqlDataSource dataSource, IOriginalPhotoStore photos)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <exception cref="KeyNotFoundException">The precinct has no uploads and no official results.</exception>
    /// <exception cref="InvalidDataException">A stored original no longer matches its SHA-256.</exception>
    public async Task<EvidencePackage> BuildAsync(PrecinctKey precinct, CancellationToken cancellationToken)
    {
        var files = await CollectAsync(precinct, withPhotos: true, cancellationToken);
        var (manifestBytes, manifestHash) = Manifest(precinct, files);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files.Select(f => (f.Path, f.Content!)).Append((EvidenceManifest.FileName, manifestBytes)))
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                await using var stream = await entry.OpenAsync(cancellationToken);
                await stream.WriteAsync(content, cancellationToken);
            }
        }

        return new EvidencePackage(FileName(precinct), buffer.ToArray(), manifestHash);
    }

    /// <summary>The manifest hash the package would have, without fetching the photos (their SHA-256 is their key).</summary>
    public async Task<string> ManifestHashAsync(PrecinctKey precinct, CancellationToken cancellationToken) =>
        Manifest(precinct, await CollectAsync(precinct, withPhotos: false, cancellationToken)).Hash;

    public static string FileName(PrecinctKey precinct) =>
        $"evidence-{Safe(precinct.ElectionId)}-{Safe(precinct.Region)}-{Safe(precinct.Precinct)}.zip";

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static (byte[] Bytes, string Hash) Manifest(PrecinctKey precinct, IReadOnlyList<PackageFile> files)
    {
        var manifest = new EvidenceManifest(EvidenceManifest.CurrentFormat, precinct.ElectionId, precinct.Region, precinct.Precinct,
            files.Select(f => new EvidenceFile(f.Path, f.Sha256, f.Bytes)).ToList());
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
        return (bytes, Sha256(bytes));
    }

    private async Task<List<PackageFile>> CollectAsync(
        PrecinctKey precinct, bool withPhotos, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var key = new { precinct.ElectionId, precinct.Region, precinct.Precinct };
        var uploads = (await connection.QueryAsync<EvidenceUpload>(new CommandDefinition("""
            SELECT id, sha256, blob_key AS BlobKey, format, size_bytes AS SizeBytes, received_at AS ReceivedAt, status,
                   reason_code AS ReasonCode
            FROM uploads WHERE election_id = @ElectionId AND region = @Region AND precinct = @Precinct
            ORDER BY received_at, id
            """, key, cancellationToken: cancellationToken))).ToList();
        var official = await RowsAsync(connection, """
            SELECT o.field_id, o.value AS official_value, r.value AS observer_value, o.value - r.value AS difference
            FROM official_results o
            LEFT JOIN precinct_results r USING (election_id, region, precinct, field_id)
            WHERE o.election_id = @ElectionId AND o.region = @Region AND o.precinct = @Precinct
            ORDER BY o.field_id
            """, key, cancellationToken);
        if (uploads.Count == 0 && official.Count == 0)
        {
            throw new KeyNotFoundException($"Precinct {precinct} has no uploads and no official results.");
        }

        var uploadIds = uploads.Select(u => u.Id).ToArray();
        var files = new List<PackageFile>();
        foreach (var upload in uploads)
        {
            var path = $"photos/{upload.Sha256}.{upload.Format}";
            if (!withPhotos)
            {
                files.Add(new PackageFile(path, null, upload.Sha256, upload.SizeBytes));
                continue;
            }

            var content = await photos.GetAsync(upload.BlobKey, cancellationToken);
            var actual = Sha256(content);
            files.Add(actual == upload.Sha256 ? new PackageFile(path, content, actual, content.LongLength)
                : throw new InvalidDataException($"The stored original of upload {upload.Id} hashes to {actual}, not {upload.Sha256}."));
        }

        files.Add(JsonFile("uploads.json", uploads.Select(u => new
        {
            u.Id, u.Sha256, u.Format, u.SizeBytes, u.ReceivedAt, u.Status, u.ReasonCode, File = $"photos/{u.Sha256}.{u.Format}",
        })));
        files.Add(JsonFile("recognitions.json", await RowsAsync(connection, """
            WITH latest AS (
                SELECT DISTINCT ON (upload_id) id, upload_id, pipeline_version, status, created_at FROM recognitions
                WHERE upload_id = ANY(@uploadIds) ORDER BY upload_id, created_at DESC, id DESC
            )
            SELECT l.upload_id, l.id AS recognition_id, l.pipeline_version, l.status AS recognition_status, l.created_at,
                   f.field_id, f.value, f.text, f.confidence, f.status, f.review_reason, f.engine, f.source
            FROM latest l JOIN fields f ON f.recognition_id = l.id
            ORDER BY l.upload_id, f.id
            """, new { uploadIds }, cancellationToken)));
        files.Add(JsonFile("final.json", new
        {
            Status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition("""
                SELECT status FROM precinct_status WHERE election_id = @ElectionId AND region = @Region AND precinct = @Precinct
                """, key, cancellationToken: cancellationToken)),
            Fields = await RowsAsync(connection, """
                SELECT field_id, value, source, upload_ids, agreeing_photos, confidence, disagreement::text AS disagreement
                FROM precinct_results WHERE election_id = @ElectionId AND region = @Region AND precinct = @Precinct
                ORDER BY field_id
                """, key, cancellationToken),
        }));
        files.Add(JsonFile("review-history.json", await RowsAsync(connection, """
            SELECT id, occurred_at, actor, entity, entity_id, field_id, old_value, new_value, reason FROM audit_events
            WHERE entity = 'upload' AND entity_id = ANY(@ids) ORDER BY id
            """, new { ids = uploadIds.Select(id => id.ToString()).ToArray() }, cancellationToken)));
        files.Add(JsonFile("official.json", official));
        return files;
    }

    private static PackageFile JsonFile(string path, object content)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(content, Json);
        return new PackageFile(path, bytes, Sha256(bytes), bytes.LongLength);
    }

    private static async Task<List<Dictionary<string, object?>>> RowsAsync(
        NpgsqlConnection connection, string sql, object parameters, CancellationToken cancellationToken) =>
        (await connection.QueryAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)))
        .Cast<IDictionary<string, object?>>()
        .Select(row => new Dictionary<string, object?>(row))
        .ToList();

    private static string Safe(string part) =>
        new(part.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
}
