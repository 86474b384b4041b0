using Dapper;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Downstream.Consensus;

/// <summary>Reads the candidate values of a precinct's uploads: accepted OCR fields and operators' final values.</summary>
internal static class ConsensusCandidates
{
    public static async Task<IReadOnlyList<ConsensusCandidate>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Guid> uploadIds, CancellationToken cancellationToken)
    {
        var parameters = new { uploadIds = uploadIds.ToArray() };
        var candidates = (await connection.QueryAsync<ConsensusCandidate>(new CommandDefinition("""
            WITH latest AS (
                SELECT DISTINCT ON (upload_id) id, upload_id FROM recognitions
                WHERE upload_id = ANY(@uploadIds)
                ORDER BY upload_id, created_at DESC, id DESC
            )
            SELECT l.upload_id AS UploadId, f.field_id AS FieldId, f.value AS Value, f.confidence AS Confidence, 'ocr' AS Source
            FROM latest l JOIN fields f ON f.recognition_id = l.id
            WHERE f.status = 'accepted' AND f.value IS NOT NULL
            """, parameters, transaction, cancellationToken: cancellationToken))).ToList();

        // The review desk's table arrives with its own migration; until then there are no operator decisions to read.
        var hasOperatorDecisions = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('public.final_fields') IS NOT NULL", transaction: transaction, cancellationToken: cancellationToken));
        if (hasOperatorDecisions)
        {
            candidates.AddRange(await connection.QueryAsync<ConsensusCandidate>(new CommandDefinition("""
                SELECT upload_id AS UploadId, field_id AS FieldId, value AS Value, 1.0::double precision AS Confidence,
                       'operator' AS Source
                FROM final_fields
                WHERE upload_id = ANY(@uploadIds) AND value IS NOT NULL
                """, parameters, transaction, cancellationToken: cancellationToken)));
        }

        return candidates;
    }
}
