namespace ProtocolOcr.Cli.Loadtest;

/// <summary>
/// What the API answered one request: its status (0: no answer), the receipt, how long it took; and the SHA-256 of the
/// bytes sent, which the receipt must repeat.
/// </summary>
public sealed record UploadOutcome(
    PlannedUpload Upload, string SentSha256, int Status, Guid? Id, string? Sha256, double LatencyMs, int Retries)
{
    public bool Acknowledged => Status == 202 && Id is not null;
}
