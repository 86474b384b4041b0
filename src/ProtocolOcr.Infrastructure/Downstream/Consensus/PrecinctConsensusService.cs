using System.Text.Json;
using Dapper;
using Npgsql;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Infrastructure.Downstream.Consensus;

/// <summary>
/// Recomputes and stores one precinct's consensus (<c>precinct_status</c> and <c>precinct_results</c>) from scratch:
/// idempotent, so the worker calls it after every saved recognition and the review desk after every confirmed
/// decision. Usable uploads are those that finished accepted or needing review; their values are read by
/// <see cref="ConsensusCandidates"/> and merged by <see cref="ConsensusRules"/>.
/// </summary>
public sealed class PrecinctConsensusService(NpgsqlDataSource dataSource, IFormCatalog forms, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PrecinctConsensus?> RecomputeAsync(PrecinctKey precinct, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two workers finishing photos of the same precinct at once would otherwise interleave delete and insert.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext(@key))",
            new { key = "precinct:" + precinct }, transaction, cancellationToken: cancellationToken));
        var parameters = new { precinct.ElectionId, precinct.Region, precinct.Precinct };
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM precinct_status WHERE election_id = @ElectionId AND region = @Region AND precinct = @Precinct
            """, parameters, transaction, cancellationToken: cancellationToken));

        var uploadIds = (await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT id FROM uploads
            WHERE election_id = @ElectionId AND region = @Region AND precinct = @Precinct AND status IN ('accepted', 'needs_review')
            ORDER BY id
            """, parameters, transaction, cancellationToken: cancellationToken))).ToList();
        if (uploadIds.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        var candidates = await ConsensusCandidates.ReadAsync(connection, transaction, uploadIds, cancellationToken);
        var consensus = ConsensusRules.Decide(uploadIds, candidates, await RequiredFieldsAsync(connection, transaction, precinct, cancellationToken));
        await SaveAsync(connection, transaction, precinct, consensus, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return consensus;
    }

    /// <summary>The count lines a verified protocol must have: the non-optional count fields of the election's form.</summary>
    private async Task<IReadOnlyCollection<string>> RequiredFieldsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PrecinctKey precinct, CancellationToken cancellationToken)
    {
        var formId = await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT form_id FROM elections WHERE id = @ElectionId", new { precinct.ElectionId }, transaction,
            cancellationToken: cancellationToken));
        return forms.Get(formId).CountFields.Where(f => !f.Optional).Select(f => f.Id).ToList();
    }

    private async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PrecinctKey precinct,
        PrecinctConsensus consensus, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO precinct_status (election_id, region, precinct, status, photos, upload_ids, computed_at)
            VALUES (@ElectionId, @Region, @Precinct, @Status, @Photos, @UploadIds, @ComputedAt)
            """, new
        {
            precinct.ElectionId,
            precinct.Region,
            precinct.Precinct,
            consensus.Status,
            Photos = consensus.UploadIds.Count,
            UploadIds = consensus.UploadIds.ToArray(),
            ComputedAt = clock.GetUtcNow(),
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO precinct_results (election_id, region, precinct, field_id, value, source, upload_ids, agreeing_photos,
                                          confidence, disagreement)
            VALUES (@ElectionId, @Region, @Precinct, @FieldId, @Value, @Source, @UploadIds, @AgreeingPhotos, @Confidence,
                    @Disagreement::jsonb)
            """, consensus.Fields.Select(field => new
        {
            precinct.ElectionId,
            precinct.Region,
            precinct.Precinct,
            field.FieldId,
            field.Value,
            field.Source,
            UploadIds = field.UploadIds.ToArray(),
            field.AgreeingPhotos,
            field.Confidence,
            Disagreement = field.Disagreement is null ? null : JsonSerializer.Serialize(field.Disagreement, Json),
        }), transaction, cancellationToken: cancellationToken));
    }
}
