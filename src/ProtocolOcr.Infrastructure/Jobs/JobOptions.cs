namespace ProtocolOcr.Infrastructure.Jobs;

/// <summary>Job processing settings (configuration section <c>Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// How long a fetched job stays invisible to other workers. Sliding: a live worker keeps extending it, so this is
    /// only how long a job of a killed worker waits before another worker takes it.
    /// </summary>
    public int InvisibilityTimeoutSeconds { get; set; } = 90;

    /// <summary>Processing runs an upload may start (including runs whose worker died) before it ends as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    public int WorkerCount { get; set; } = Environment.ProcessorCount;
}
