using Dapper;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Downstream.Consensus;

/// <summary>
/// Reads the candidate values of a precinct's uploads. An upload with rows in <c>final_fields</c> is decided: those
/// rows are its values (source 'operator' when operators changed the reading, 'ocr' when the reading was kept).
/// An upload not decided yet offers the fields its latest recognition accepted; fields waiting for review offer nothing.
/// </summary>
internal static class ConsensusCandidates
{
    public static async Task<IReadOnlyList<ConsensusCandidate>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Guid> uploadIds, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ConsensusCandidate>(new CommandDefinition("""
            WITH latest AS (
                SELECT DISTINCT ON (upload_id) id, upload_id FROM recognitions
                WHERE upload_id = ANY(@uploadIds)
                ORDER BY upload_id, created_at DESC, id DESC
            ), readings AS (
                SELECT l.upload_id, f.field_id, f.value, f.confidence, f.status
                FROM latest l JOIN fields f ON f.recognition_id = l.id
            )
            SELECT d.upload_id AS UploadId, d.field_id AS FieldId, d.value AS Value,
                   CASE WHEN d.source = 'operator' THEN 1.0 ELSE coalesce(r.confidence, 1.0) END AS Confidence, d.source AS Source
            FROM final_fields d LEFT JOIN readings r USING (upload_id, field_id)
            WHERE d.upload_id = ANY(@uploadIds) AND d.value IS NOT NULL
            UNION ALL
            SELECT r.upload_id, r.field_id, r.value, r.confidence, 'ocr'
            FROM readings r
            WHERE r.status = 'accepted' AND r.value IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM final_fields d WHERE d.upload_id = r.upload_id)
            """, new { uploadIds = uploadIds.ToArray() }, transaction, cancellationToken: cancellationToken))).ToList();
}
