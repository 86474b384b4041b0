namespace ProtocolOcr.Infrastructure.Jobs;

/// <summary>
/// Thrown by the upload job after it has recorded the upload as failed: Hangfire shows the job as failed and does
/// not retry it (see <see cref="IProcessUploadJob.RunAsync"/>).
/// </summary>
public sealed class UploadProcessingFailedException(string message, Exception? inner = null) : Exception(message, inner);
