using System.Security.Cryptography;
using System.Transactions;
using Npgsql;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Infrastructure.Blobs;
using ProtocolOcr.Infrastructure.Jobs;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Uploads;

/// <summary>
/// Takes a submitted photo from bytes to a durable, queued upload: check, hash, store the original, then the row and
/// its job in one transaction. The receipt is returned only after all of that is committed.
/// </summary>
public sealed class UploadIntake(
    PhotoInspector inspector,
    UploadRepository uploads,
    UploadSenderRepository senders,
    IOriginalPhotoStore photos,
    NpgsqlDataSource dataSource,
    UploadJobEnqueuer jobs,
    TimeProvider time)
{
    public async Task<UploadReceipt> ReceiveAsync(UploadSubmission submission, UploadSender sender, CancellationToken cancellationToken)
    {
        var inspection = inspector.Inspect(submission.Photo.Span);
        if (await uploads.FindElectionFormAsync(submission.ElectionId, cancellationToken) is null)
        {
            throw new UploadRejectedException(StatusCodes.Status422UnprocessableEntity, UploadReasonCodes.UnknownElection,
                $"There is no election '{submission.ElectionId}'.");
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(submission.Photo.Span));
        if (await uploads.FindBySha256Async(sha256, cancellationToken) is { } existing)
        {
            return await ResentAsync(existing, sender, cancellationToken);
        }

        // If the row below never commits (outage, crash), this blob stays without a row. That is harmless: the key is
        // the content's hash, so the same photo sent again finds it and nothing else can ever be stored under it.
        var blobKey = await photos.PutAsync(sha256, submission.Photo, inspection.Format.ContentType(), cancellationToken);
        var upload = NewUpload(submission, sender, inspection, sha256, blobKey);
        if (await TryInsertWithJobAsync(upload, cancellationToken))
        {
            return UploadReceipt.For(upload);
        }

        var winner = await uploads.FindBySha256Async(sha256, cancellationToken)
            ?? throw new InvalidOperationException($"Upload {sha256} conflicted on insert but cannot be read back.");
        return await ResentAsync(winner, sender, cancellationToken);
    }

    /// <summary>The first upload's receipt; another observer sending the same photo may then read its status too.</summary>
    private async Task<UploadReceipt> ResentAsync(UploadRecord existing, UploadSender sender, CancellationToken cancellationToken)
    {
        if (sender.ObserverTokenId is not null && !string.Equals(existing.SubmittedBy, sender.Name, StringComparison.Ordinal))
        {
            await senders.RecordAsync(existing.Id, sender.Name, sender.ObserverTokenId, time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        return UploadReceipt.For(existing);
    }

    /// <summary>False when a concurrent request stored the same photo first; then nothing is written.</summary>
    private async Task<bool> TryInsertWithJobAsync(UploadRecord upload, CancellationToken cancellationToken)
    {
        using var scope = new TransactionScope(
            TransactionScopeOption.Required,
            new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted },
            TransactionScopeAsyncFlowOption.Enabled);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            if (!await UploadRepository.TryInsertAsync(connection, upload, cancellationToken))
            {
                return false;
            }

            jobs.Enqueue(connection, upload.Id);
        }

        scope.Complete();
        return true;
    }

    private UploadRecord NewUpload(
        UploadSubmission submission, UploadSender sender, PhotoInspection inspection, string sha256, string blobKey)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // PostgreSQL keeps microseconds: trim so a duplicate's receipt (read back) equals the first one.
        var receivedAt = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
        return new UploadRecord(
            Guid.CreateVersion7(), sha256, blobKey, submission.ElectionId, submission.Region, submission.Precinct,
            submission.Note, inspection.Format.ToWire(), submission.Photo.Length, inspection.Width, inspection.Height,
            receivedAt, ProtocolStatus.Queued.ToWire(), null, null, 0, receivedAt, sender.ObserverTokenId, sender.Name);
    }
}
