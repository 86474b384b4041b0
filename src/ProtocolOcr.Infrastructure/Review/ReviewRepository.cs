using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ProtocolOcr.Infrastructure.Database;

namespace ProtocolOcr.Infrastructure.Review;

/// <summary>
/// The review desk's storage: the queue, claims, operator entries with double entry for corrections, the unusable
/// verdict, and the final values written once every flagged field is decided. Every change is audited in the same
/// transaction.
/// </summary>
public sealed class ReviewRepository(NpgsqlDataSource dataSource, IOptions<ReviewOptions> options, TimeProvider time)
{
    private const string LatestRecognition =
        "(SELECT id FROM recognitions WHERE upload_id = @uploadId ORDER BY created_at DESC, id DESC LIMIT 1)";

    private const string EntryColumns = """
        upload_id AS UploadId, field_id AS FieldId, ocr_value AS OcrValue, value, entered_by AS EnteredBy,
        entered_at AS EnteredAt, confirmed_by AS ConfirmedBy, confirmed_at AS ConfirmedAt
        """;

    /// <summary>Uploads needing review, oldest first, optionally for one election and/or region.</summary>
    public async Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(string? electionId, string? region, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var items = await connection.QueryAsync<ReviewQueueItem>(new CommandDefinition("""
            SELECT u.id AS UploadId, u.election_id AS ElectionId, u.region, u.precinct, u.received_at AS ReceivedAt,
                   (SELECT count(*) FROM fields f
                    WHERE f.recognition_id = (SELECT id FROM recognitions r WHERE r.upload_id = u.id
                                              ORDER BY created_at DESC, id DESC LIMIT 1)
                      AND f.status = 'needs_review') AS FlaggedFields,
                   (SELECT count(*) FROM review_entries e
                    WHERE e.upload_id = u.id AND e.value IS DISTINCT FROM e.ocr_value AND e.confirmed_by IS NULL) AS PendingConfirmations,
                   c.claimed_by AS ClaimedBy, c.expires_at AS ClaimExpiresAt
            FROM uploads u
            LEFT JOIN review_claims c ON c.upload_id = u.id AND c.expires_at > @now
            WHERE u.status = 'needs_review'
              AND (@electionId::text IS NULL OR u.election_id = @electionId)
              AND (@region::text IS NULL OR u.region = @region)
            ORDER BY u.received_at, u.id
            LIMIT 500
            """, new { electionId, region, now = Now() }, cancellationToken: cancellationToken));
        return items.ToList();
    }

    /// <summary>Takes or refreshes the caller's claim; refused (not granted) while another operator's claim is live.</summary>
    public async Task<ClaimResult> ClaimAsync(Guid uploadId, string operatorName, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await ClaimOnAsync(connection, uploadId, operatorName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Another operator's live claim on the upload, or null when nobody else holds it.</summary>
    public async Task<ClaimResult?> ClaimByOtherAsync(Guid uploadId, string operatorName, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var claim = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition("""
            SELECT claimed_by AS ClaimedBy, expires_at AS ExpiresAt FROM review_claims
            WHERE upload_id = @uploadId AND claimed_by <> @operatorName AND expires_at > @now
            """, new { uploadId, operatorName, now = Now() }, cancellationToken: cancellationToken));
        return claim is null ? null : new ClaimResult(false, claim.ClaimedBy, claim.ExpiresAt);
    }

    public async Task<IReadOnlyList<ReviewEntry>> EntriesAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ReviewEntry>(new CommandDefinition(
            $"SELECT {EntryColumns} FROM review_entries WHERE upload_id = @uploadId ORDER BY field_id",
            new { uploadId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The audit trail of the upload, oldest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> HistoryAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AuditRecord>(new CommandDefinition("""
            SELECT id, occurred_at AS OccurredAt, actor, field_id AS FieldId, old_value AS OldValue, new_value AS NewValue, reason
            FROM audit_events WHERE entity = 'upload' AND entity_id = @id ORDER BY id
            """, new { id = uploadId.ToString() }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Records what the operator typed for a field. Keeping the reading is final at once; a changed value waits for a
    /// second operator to type the same value. When every flagged field is decided, the final values are written.
    /// </summary>
    public async Task<EntryResult> EnterAsync(
        Guid uploadId, string fieldId, long? value, string operatorName, CancellationToken cancellationToken)
    {
        if (value is < 0)
        {
            throw new ReviewRejectedException(ReviewReasonCodes.InvalidValue, "A count cannot be negative.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireUnderReviewAsync(connection, uploadId, cancellationToken);
        await RequireClaimAsync(connection, uploadId, operatorName, cancellationToken);
        var reading = await connection.QuerySingleOrDefaultAsync<OcrReading>(new CommandDefinition($"""
            SELECT value FROM fields WHERE recognition_id = {LatestRecognition} AND field_id = @fieldId
            """, new { uploadId, fieldId }, cancellationToken: cancellationToken))
            ?? throw new ReviewRejectedException(ReviewReasonCodes.UnknownField, $"The protocol has no field '{fieldId}'.");
        var existing = await connection.QuerySingleOrDefaultAsync<ReviewEntry>(new CommandDefinition(
            $"SELECT {EntryColumns} FROM review_entries WHERE upload_id = @uploadId AND field_id = @fieldId FOR UPDATE",
            new { uploadId, fieldId }, cancellationToken: cancellationToken));

        if (existing is { IsFinal: true } && value == existing.Value)
        {
            // Typing the value that is already final again changes nothing and is not an event.
            await transaction.CommitAsync(cancellationToken);
            return new EntryResult(existing.IsCorrection ? EntryOutcome.Confirmed : EntryOutcome.Kept, false);
        }

        var outcome = Decide(existing, reading.Value, value, operatorName);
        await WriteEntryAsync(connection, uploadId, fieldId, reading.Value, value, operatorName, existing, outcome, cancellationToken);
        await AuditLog.AppendAsync(connection, new AuditEvent(operatorName, "upload", uploadId.ToString(), fieldId,
            Show(existing?.Value ?? reading.Value), Show(value), Describe(outcome)), cancellationToken);
        var finalized = await FinalizeIfDecidedAsync(connection, uploadId, operatorName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EntryResult(outcome, finalized);
    }

    /// <summary>Ends the review: the photo cannot be read (blurred, cut, not a protocol). The reason is kept and shown.</summary>
    public async Task MarkUnusableAsync(Guid uploadId, string reason, string operatorName, CancellationToken cancellationToken)
    {
        reason = reason.Trim();
        if (reason.Length is 0 or > 500)
        {
            throw new ReviewRejectedException(ReviewReasonCodes.MissingReason, "Say in 1 to 500 characters why the photo is unusable.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireUnderReviewAsync(connection, uploadId, cancellationToken);
        await RequireClaimAsync(connection, uploadId, operatorName, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE uploads SET status = 'rejected', reason_code = @code, reason_message = @reason, updated_at = now() WHERE id = @uploadId;
            DELETE FROM review_claims WHERE upload_id = @uploadId;
            """, new { uploadId, code = ReviewReasonCodes.UnusablePhoto, reason }, cancellationToken: cancellationToken));
        await AuditLog.AppendAsync(connection, new AuditEvent(operatorName, "upload", uploadId.ToString(), null,
            "needs_review", "rejected", "marked unusable: " + reason), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static EntryOutcome Decide(ReviewEntry? existing, long? ocrValue, long? value, string operatorName)
    {
        if (existing is { IsFinal: false } proposal && proposal.EnteredBy != operatorName)
        {
            return value == proposal.Value ? EntryOutcome.Confirmed : value == ocrValue ? EntryOutcome.Kept : EntryOutcome.Disagreed;
        }

        return value == ocrValue ? EntryOutcome.Kept : EntryOutcome.Proposed;
    }

    private async Task WriteEntryAsync(
        NpgsqlConnection connection, Guid uploadId, string fieldId, long? ocrValue, long? value, string operatorName,
        ReviewEntry? existing, EntryOutcome outcome, CancellationToken cancellationToken)
    {
        var confirming = outcome == EntryOutcome.Confirmed;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO review_entries (upload_id, field_id, ocr_value, value, entered_by, entered_at, confirmed_by, confirmed_at)
            VALUES (@uploadId, @fieldId, @ocrValue, @value, @operatorName, @now, NULL, NULL)
            ON CONFLICT (upload_id, field_id) DO UPDATE SET
                value = CASE WHEN @confirming THEN review_entries.value ELSE excluded.value END,
                entered_by = CASE WHEN @confirming THEN review_entries.entered_by ELSE excluded.entered_by END,
                entered_at = CASE WHEN @confirming THEN review_entries.entered_at ELSE excluded.entered_at END,
                confirmed_by = CASE WHEN @confirming THEN @operatorName END,
                confirmed_at = CASE WHEN @confirming THEN @now END
            """, new { uploadId, fieldId, ocrValue, value, operatorName, now = Now(), confirming }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Once every flagged field has a final entry and no correction waits, writes all the protocol's values to
    /// final_fields and accepts the upload. When only confirmations are left, releases the claim for a second operator.
    /// </summary>
    private static async Task<bool> FinalizeIfDecidedAsync(
        NpgsqlConnection connection, Guid uploadId, string operatorName, CancellationToken cancellationToken)
    {
        var state = await connection.QuerySingleAsync<DecisionState>(new CommandDefinition($"""
            SELECT
              (SELECT count(*) FROM fields f WHERE f.recognition_id = {LatestRecognition} AND f.status = 'needs_review'
                 AND NOT EXISTS (SELECT 1 FROM review_entries e WHERE e.upload_id = @uploadId AND e.field_id = f.field_id)) AS Unentered,
              (SELECT count(*) FROM review_entries e WHERE e.upload_id = @uploadId
                 AND e.value IS DISTINCT FROM e.ocr_value AND e.confirmed_by IS NULL) AS Pending
            """, new { uploadId }, cancellationToken: cancellationToken));
        if (state.Unentered > 0)
        {
            return false;
        }

        if (state.Pending > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM review_claims WHERE upload_id = @uploadId", new { uploadId }, cancellationToken: cancellationToken));
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO final_fields (upload_id, field_id, value, source, decided_by, confirmed_by, decided_at)
            SELECT @uploadId, f.field_id, coalesce(e.value, CASE WHEN e.upload_id IS NULL THEN f.value END),
                   CASE WHEN e.value IS DISTINCT FROM e.ocr_value AND e.upload_id IS NOT NULL THEN 'operator' ELSE 'ocr' END,
                   coalesce(e.entered_by, 'pipeline ' || r.pipeline_version), e.confirmed_by, now()
            FROM fields f
            JOIN recognitions r ON r.id = f.recognition_id
            LEFT JOIN review_entries e ON e.upload_id = @uploadId AND e.field_id = f.field_id
            WHERE f.recognition_id = {LatestRecognition}
            ON CONFLICT (upload_id, field_id) DO UPDATE SET value = excluded.value, source = excluded.source,
                decided_by = excluded.decided_by, confirmed_by = excluded.confirmed_by, decided_at = excluded.decided_at;
            UPDATE uploads SET status = 'accepted', reason_code = NULL, reason_message = NULL, updated_at = now() WHERE id = @uploadId;
            DELETE FROM review_claims WHERE upload_id = @uploadId;
            """, new { uploadId }, cancellationToken: cancellationToken));
        await AuditLog.AppendAsync(connection, new AuditEvent(operatorName, "upload", uploadId.ToString(), null,
            "needs_review", "accepted", "review complete: final values written"), cancellationToken);
        return true;
    }

    private async Task<ClaimResult> ClaimOnAsync(
        NpgsqlConnection connection, Guid uploadId, string operatorName, CancellationToken cancellationToken)
    {
        var now = Now();
        var previous = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(
            "SELECT claimed_by AS ClaimedBy, expires_at AS ExpiresAt FROM review_claims WHERE upload_id = @uploadId FOR UPDATE",
            new { uploadId }, cancellationToken: cancellationToken));
        if (previous is not null && previous.ClaimedBy != operatorName && previous.ExpiresAt > now)
        {
            return new ClaimResult(false, previous.ClaimedBy, previous.ExpiresAt);
        }

        var expiresAt = now.AddMinutes(options.Value.ClaimMinutes);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO review_claims (upload_id, claimed_by, claimed_at, expires_at) VALUES (@uploadId, @operatorName, @now, @expiresAt)
            ON CONFLICT (upload_id) DO UPDATE SET claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at,
                expires_at = excluded.expires_at
            """, new { uploadId, operatorName, now, expiresAt }, cancellationToken: cancellationToken));
        if (previous is null || previous.ClaimedBy != operatorName || previous.ExpiresAt <= now)
        {
            await AuditLog.AppendAsync(connection, new AuditEvent(operatorName, "upload", uploadId.ToString(), null,
                previous?.ClaimedBy, operatorName, "claimed for review"), cancellationToken);
        }

        return new ClaimResult(true, operatorName, expiresAt);
    }

    private async Task RequireClaimAsync(NpgsqlConnection connection, Guid uploadId, string operatorName, CancellationToken cancellationToken)
    {
        var claim = await ClaimOnAsync(connection, uploadId, operatorName, cancellationToken);
        if (!claim.Granted)
        {
            throw new ReviewRejectedException(ReviewReasonCodes.ClaimedByOther,
                $"{claim.ClaimedBy} is working on this protocol until {claim.ExpiresAt:HH:mm} UTC.");
        }
    }

    private static async Task RequireUnderReviewAsync(NpgsqlConnection connection, Guid uploadId, CancellationToken cancellationToken)
    {
        var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT status FROM uploads WHERE id = @uploadId FOR UPDATE", new { uploadId }, cancellationToken: cancellationToken));
        if (status != "needs_review")
        {
            throw new ReviewRejectedException(ReviewReasonCodes.NotUnderReview,
                status is null ? $"There is no upload {uploadId}." : $"This protocol is {status}, not waiting for review.");
        }
    }

    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }

    private static string Show(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(empty)";

    private static string Describe(EntryOutcome outcome) => outcome switch
    {
        EntryOutcome.Kept => "reading kept",
        EntryOutcome.Proposed => "correction entered; needs a second operator",
        EntryOutcome.Confirmed => "correction confirmed by a second operator",
        EntryOutcome.Disagreed => "second entry disagrees; new value needs another operator",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    private sealed record OcrReading(long? Value);

    private sealed record DecisionState(long Unentered, long Pending);

    private sealed record ClaimRow(string ClaimedBy, DateTime ExpiresAt);
}
