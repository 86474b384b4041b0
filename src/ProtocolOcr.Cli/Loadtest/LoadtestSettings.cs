namespace ProtocolOcr.Cli.Loadtest;

/// <param name="Uploads">Upload requests sent, duplicates included.</param>
/// <param name="Concurrency">Requests in flight at once (one connection each).</param>
/// <param name="Workers">Worker processes.</param>
/// <param name="ThreadsPerWorker">Hangfire worker threads in each worker process.</param>
/// <param name="PoolSize">Distinct generated protocol photos; each upload is one of them with its own trailing bytes.</param>
/// <param name="DuplicateShare">Share of uploads that resend an earlier upload's exact bytes.</param>
/// <param name="Seed">Seed of the photos, their sizes and the duplicate choice.</param>
/// <param name="Timeout">Bound on the whole run; uploads not processed by then count as lost.</param>
public sealed record LoadtestSettings(
    int Uploads,
    int Concurrency,
    int Workers,
    int ThreadsPerWorker,
    int PoolSize,
    double DuplicateShare,
    int Seed,
    TimeSpan Timeout)
{
    public const string ElectionId = "kz-2019-president";
    public const string FormId = "kz.president.2019";

    /// <summary>Uploads one phone sends at most; the API's default rate limit allows 30 per minute per token.</summary>
    private const int UploadsPerPhone = 20;

    /// <summary>Observers (tokens) sending the burst: at least one per connection, and few uploads each, as on the night.</summary>
    public int Phones => Math.Max(Concurrency, (Uploads + UploadsPerPhone - 1) / UploadsPerPhone);
}
