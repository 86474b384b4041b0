using System.Text.Json;
using Dapper;
using Npgsql;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Infrastructure.Database;

namespace ProtocolOcr.Infrastructure.Recognitions;

public sealed class RecognitionRepository(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Writes the recognition, its fields and the upload's new status in one transaction. Idempotent: when this
    /// upload already has a recognition from the same pipeline version (a job that ran twice), nothing is written
    /// and false is returned. <paramref name="alignedPageKey"/> is the blob key of the stored aligned page, if any.
    /// An accepted recognition is also the upload's final result: its values go to <c>final_fields</c> (source ocr).
    /// </summary>
    public async Task<bool> SaveAsync(
        Guid uploadId, ProtocolRecognition recognition, string? alignedPageKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var status = recognition.Status.ToWire();
        var recognitionId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition("""
            INSERT INTO recognitions (upload_id, form_id, pipeline_version, status, reason_code, reason_message, relations, timings,
                                      aligned_page_key)
            VALUES (@uploadId, @FormId, @PipelineVersion, @status, @code, @message, @relations::jsonb, @timings::jsonb,
                    @alignedPageKey)
            ON CONFLICT (upload_id, pipeline_version) DO NOTHING
            RETURNING id
            """, new
        {
            uploadId,
            recognition.FormId,
            recognition.PipelineVersion,
            status,
            code = recognition.Rejection?.Code,
            message = recognition.Rejection?.Message,
            relations = JsonSerializer.Serialize(recognition.Relations, Json),
            timings = JsonSerializer.Serialize(recognition.Timings, Json),
            alignedPageKey,
        }, transaction, cancellationToken: cancellationToken));
        if (recognitionId is null)
        {
            // An earlier run of this pipeline version already stored its result: keep it, and put the upload back
            // to that result's status (this run had moved it to processing).
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE uploads u SET status = r.status, reason_code = r.reason_code, reason_message = r.reason_message,
                                     updated_at = now()
                FROM recognitions r
                WHERE u.id = @uploadId AND u.status = 'processing'
                  AND r.upload_id = u.id AND r.pipeline_version = @PipelineVersion
                """, new { uploadId, recognition.PipelineVersion }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO fields (recognition_id, field_id, value, text, confidence, status, review_reason, alternatives,
                                engine, bbox_x, bbox_y, bbox_width, bbox_height, source)
            VALUES (@RecognitionId, @FieldId, @Value, @Text, @Confidence, @Status, @ReviewReason, @Alternatives::jsonb,
                    @Engine, @X, @Y, @Width, @Height, @Source)
            """, recognition.Fields.Select(field => FieldParameters(recognitionId.Value, field)), transaction,
            cancellationToken: cancellationToken));

        if (recognition.Status == ProtocolStatus.Accepted)
        {
            // An operator's decision stands over any later re-run, so existing final values are kept.
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO final_fields (upload_id, field_id, value, source, decided_by, decided_at)
                VALUES (@uploadId, @FieldId, @Value, 'ocr', @decidedBy, now())
                ON CONFLICT (upload_id, field_id) DO NOTHING
                """, recognition.Fields.Select(field => new
            {
                uploadId, field.FieldId, field.Value, decidedBy = "pipeline " + recognition.PipelineVersion,
            }), transaction, cancellationToken: cancellationToken));
        }

        var previous = await connection.QuerySingleAsync<string>(new CommandDefinition("""
            UPDATE uploads u SET status = @status, reason_code = @code, reason_message = @message, updated_at = now()
            FROM (SELECT status FROM uploads WHERE id = @uploadId FOR UPDATE) old
            WHERE u.id = @uploadId
            RETURNING old.status
            """, new { uploadId, status, code = recognition.Rejection?.Code, message = recognition.Rejection?.Message },
            transaction, cancellationToken: cancellationToken));
        await AuditLog.AppendAsync(connection, new AuditEvent("worker", "upload", uploadId.ToString(), null, previous, status,
            $"recognition {recognitionId} by pipeline {recognition.PipelineVersion}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The upload's most recent recognition with its fields, or null when it has none yet.</summary>
    public async Task<StoredRecognition?> GetLatestAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var header = await connection.QuerySingleOrDefaultAsync<RecognitionHeader>(new CommandDefinition("""
            SELECT id, form_id AS FormId, pipeline_version AS PipelineVersion, status, reason_code AS ReasonCode,
                   reason_message AS ReasonMessage, relations::text AS Relations, created_at AS CreatedAt,
                   aligned_page_key AS AlignedPageKey
            FROM recognitions WHERE upload_id = @uploadId
            ORDER BY created_at DESC, id DESC LIMIT 1
            """, new { uploadId }, cancellationToken: cancellationToken));
        if (header is null)
        {
            return null;
        }

        var fields = await connection.QueryAsync<StoredField>(new CommandDefinition("""
            SELECT field_id AS FieldId, value, text, confidence, status, review_reason AS ReviewReason,
                   alternatives::text AS Alternatives, engine, bbox_x AS X, bbox_y AS Y, bbox_width AS Width,
                   bbox_height AS Height, source
            FROM fields WHERE recognition_id = @Id ORDER BY id
            """, new { header.Id }, cancellationToken: cancellationToken));
        return new StoredRecognition(header, fields.ToList());
    }

    private static object FieldParameters(long recognitionId, FieldReading field) => new
    {
        RecognitionId = recognitionId,
        field.FieldId,
        field.Value,
        field.Text,
        Confidence = Math.Clamp(field.Confidence, 0, 1),
        Status = field.Status switch
        {
            FieldStatus.Accepted => "accepted",
            FieldStatus.NeedsReview => "needs_review",
            FieldStatus.Empty => "empty",
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Status, "Unknown field status."),
        },
        // An accepted value the arithmetic restored keeps its mark (corrected_by_relation:R4) where a reason is read.
        ReviewReason = field.ReviewReason ?? field.Correction,
        Alternatives = JsonSerializer.Serialize(field.Alternatives, Json),
        Source = field.Correction is null ? "ocr" : "corrected",
        field.Engine,
        field.Box.X,
        field.Box.Y,
        field.Box.Width,
        field.Box.Height,
    };
}
