using Microsoft.Extensions.Options;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Infrastructure;
using ProtocolOcr.Infrastructure.Blobs;
using ProtocolOcr.Infrastructure.Downstream.Consensus;
using ProtocolOcr.Infrastructure.Jobs;
using ProtocolOcr.Infrastructure.Recognitions;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Worker.Jobs;

/// <summary>
/// Runs the pipeline on one upload and stores the result. Safe to run any number of times: a finished upload is left
/// alone and the recognition insert is unique per pipeline version. A bad photo ends as rejected. A transient fault
/// (database or blob store unreachable) is thrown for Hangfire to retry; any other fault, or a transient one on the
/// last allowed attempt, ends the upload as failed with the error as its reason and is not retried.
/// </summary>
public sealed class ProcessUploadJob(
    UploadRepository uploads,
    RecognitionRepository recognitions,
    IOriginalPhotoStore photos,
    AlignedPageStore alignedPages,
    IFormCatalog forms,
    IProtocolPipeline pipeline,
    PrecinctConsensusService consensus,
    IOptions<JobOptions> options,
    ILogger<ProcessUploadJob> logger) : IProcessUploadJob
{
    public const string ProcessingFailed = "processing_failed";

    public async Task RunAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        var upload = await uploads.BeginProcessingAsync(uploadId, cancellationToken)
            ?? throw new UploadProcessingFailedException($"Upload {uploadId} does not exist.");
        if (ProtocolStatusNames.Parse(upload.Status) != ProtocolStatus.Processing)
        {
            // A retry after the recognition was saved but before the precinct was recomputed lands here: finish that step.
            logger.LogInformation("Upload {UploadId} is already {Status}; recomputing its precinct only", uploadId, upload.Status);
            await RecomputePrecinctAsync(upload, cancellationToken);
            return;
        }

        var maxAttempts = options.Value.MaxAttempts;
        if (upload.Attempts > maxAttempts)
        {
            throw await FailAsync(uploadId, $"Processing was started {maxAttempts} times without finishing (the worker stopped each time).",
                null, cancellationToken);
        }

        try
        {
            await ProcessAsync(upload, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && TransientFailures.IsTransient(e)
                                  && upload.Attempts < maxAttempts)
        {
            logger.LogWarning(e, "Upload {UploadId}: attempt {Attempt} of {MaxAttempts} hit a transient fault; Hangfire will retry",
                uploadId, upload.Attempts, maxAttempts);
            throw;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not UploadProcessingFailedException)
        {
            var message = TransientFailures.IsTransient(e)
                ? $"Processing failed on all {upload.Attempts} attempts; last error: {e.GetType().Name}: {e.Message}"
                : $"Processing failed: {e.GetType().Name}: {e.Message}";
            throw await FailAsync(uploadId, message, e, cancellationToken);
        }
    }

    /// <summary>Records the upload as failed; the exception returned makes Hangfire show the job failed, not retry it.</summary>
    private async Task<UploadProcessingFailedException> FailAsync(Guid uploadId, string message, Exception? cause, CancellationToken cancellationToken)
    {
        logger.LogError(cause, "Upload {UploadId} failed: {Message}", uploadId, message);
        await uploads.FinishWithoutRecognitionAsync(
            uploadId, ProtocolStatus.Failed, new RejectionReason(ProcessingFailed, message), cancellationToken);
        return new UploadProcessingFailedException(message, cause);
    }

    private async Task ProcessAsync(UploadRecord upload, CancellationToken cancellationToken)
    {
        var formId = await uploads.FindElectionFormAsync(upload.ElectionId, cancellationToken);
        if (formId is null || !forms.FormIds.Contains(formId))
        {
            await uploads.FinishWithoutRecognitionAsync(upload.Id, ProtocolStatus.Rejected, new RejectionReason(
                ReasonCodes.UnknownForm, $"No form '{formId}' is installed for election '{upload.ElectionId}'."),
                cancellationToken);
            return;
        }

        var photo = await photos.GetAsync(upload.BlobKey, cancellationToken);
        ProtocolRecognition recognition;
        try
        {
            recognition = await pipeline.ProcessAsync(
                photo, forms.Get(formId), new PipelineRunOptions(KeepAlignedPage: true, StatedPrecinct: upload.Precinct), cancellationToken);
        }
        catch (PhotoRejectedException e)
        {
            await uploads.FinishWithoutRecognitionAsync(upload.Id, ProtocolStatus.Rejected, e.ToReason(), cancellationToken);
            return;
        }

        var alignedPageKey = recognition.AlignedPage is { } page
            ? await alignedPages.PutAsync(upload.Id, recognition.PipelineVersion, page, cancellationToken)
            : null;
        if (!await recognitions.SaveAsync(upload.Id, recognition, alignedPageKey, cancellationToken))
        {
            logger.LogInformation("Upload {UploadId} already has a recognition by pipeline {Version}; kept it",
                upload.Id, recognition.PipelineVersion);
        }

        await RecomputePrecinctAsync(upload, cancellationToken);
        logger.LogInformation("Upload {UploadId}: {Status}", upload.Id, recognition.Status.ToWire());
    }

    private Task RecomputePrecinctAsync(UploadRecord upload, CancellationToken cancellationToken) =>
        consensus.RecomputeAsync(new PrecinctKey(upload.ElectionId, upload.Region, upload.Precinct), cancellationToken);
}
