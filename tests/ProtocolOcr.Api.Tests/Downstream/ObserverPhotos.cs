using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using ProtocolOcr.Api.Tests.Harness;
using ProtocolOcr.Infrastructure.Blobs;
using ProtocolOcr.Infrastructure.Configuration;
using ProtocolOcr.Infrastructure.Downstream.Consensus;

namespace ProtocolOcr.Api.Tests.Downstream;

/// <summary>
/// Stores an observer's photo as the intake and the worker would have: the original in the blob store, the upload
/// row, one recognition and its fields. The "photo" is a small PNG-signed byte string: the downstream code never
/// decodes it, it only stores, hashes and packages it.
/// </summary>
public static class ObserverPhotos
{
    public static async Task<Guid> InsertAsync(TestEnvironment environment, PrecinctKey precinct,
        IReadOnlyDictionary<string, long> values, double confidence, string status = "accepted",
        IReadOnlyCollection<string>? fieldsNeedingReview = null)
    {
        var id = Guid.NewGuid();
        var photo = Encoding.ASCII.GetBytes($"\x89PNG test photo {id}");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(photo));
        var store = new OriginalPhotoStore(OriginalPhotoStore.CreateContainerClient(
            new BlobStorageOptions { ConnectionString = environment.BlobConnectionString, Container = environment.Container }));
        var blobKey = await store.PutAsync(sha256, photo, "image/png", CancellationToken.None);

        await using var connection = new NpgsqlConnection(environment.DatabaseConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO uploads (id, sha256, blob_key, election_id, region, precinct, format, size_bytes, pixel_width,
                                 pixel_height, received_at, status, updated_at)
            VALUES (@id, @sha256, @blobKey, @ElectionId, @Region, @Precinct, 'png', @size, 1200, 1600, now(), @status, now())
            """, new { id, sha256, blobKey, precinct.ElectionId, precinct.Region, precinct.Precinct, size = photo.Length, status });
        var recognitionId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO recognitions (upload_id, form_id, pipeline_version, status, relations, timings)
            VALUES (@id, 'kz.president.2019', 'test', @status, '[]', '{}') RETURNING id
            """, new { id, status });
        await connection.ExecuteAsync("""
            INSERT INTO fields (recognition_id, field_id, value, text, confidence, status, alternatives, engine,
                                bbox_x, bbox_y, bbox_width, bbox_height)
            VALUES (@recognitionId, @FieldId, @Value, @Text, @confidence, @Status, '[]', 'test', 0, 0, 10, 10)
            """, values.Select(v => new
        {
            recognitionId,
            FieldId = v.Key,
            Value = v.Value,
            Text = v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            confidence,
            Status = fieldsNeedingReview?.Contains(v.Key) == true ? "needs_review" : "accepted",
        }));
        await connection.ExecuteAsync("""
            INSERT INTO audit_events (actor, entity, entity_id, old_value, new_value, reason)
            VALUES ('downstream-test', 'upload', @entityId, 'processing', @status, 'seeded recognition')
            """, new { entityId = id.ToString(), status });
        return id;
    }
}
