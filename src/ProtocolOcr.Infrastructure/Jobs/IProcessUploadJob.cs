using Hangfire;

namespace ProtocolOcr.Infrastructure.Jobs;

/// <summary>
/// The background job for one upload; its only payload is the upload id. Declared here so the API can enqueue it
/// without referencing the imaging stack; the worker implements it.
/// </summary>
public interface IProcessUploadJob
{
    /// <summary>
    /// A thrown run is retried after a short delay, except <see cref="UploadProcessingFailedException"/>: the job
    /// throws that once it has recorded the upload as failed (a permanent fault, or its attempts used up). The job
    /// counts attempts in the upload row, so Hangfire's own limit is only a backstop.
    /// </summary>
    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [2, 5, 10, 20, 30, 60, 60, 60],
        ExceptOn = [typeof(UploadProcessingFailedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    Task RunAsync(Guid uploadId, CancellationToken cancellationToken);
}
