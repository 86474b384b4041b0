using Hangfire;

namespace ProtocolOcr.Infrastructure.Jobs;

/// <summary>
/// The background job for one upload; its only payload is the upload id. Declared here so the API can enqueue it
/// without referencing the imaging stack; the worker implements it.
/// </summary>
public interface IProcessUploadJob
{
    /// <summary>
    /// Hangfire retries a thrown run after a short delay; the job itself counts attempts in the upload row and ends
    /// the upload as failed once they are used up, so Hangfire's own limit is only a backstop.
    /// </summary>
    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [2, 5, 10, 20, 30, 60, 60, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    Task RunAsync(Guid uploadId, CancellationToken cancellationToken);
}
