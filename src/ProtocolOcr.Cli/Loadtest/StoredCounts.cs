namespace ProtocolOcr.Cli.Loadtest;

/// <summary>What the database and the blob store hold after the run.</summary>
/// <param name="FinishedSha256s">Uploads with a final status (accepted, needs_review, rejected or failed).</param>
/// <param name="UploadsWithResult">Uploads with a recognition row, or rejected with a reason before one was made.</param>
/// <param name="ProcessedTwice">Uploads with more than one recognition row or more than one finishing audit event.</param>
public sealed record StoredCounts(
    long Rows,
    IReadOnlySet<string> RowSha256s,
    IReadOnlySet<string> FinishedSha256s,
    IReadOnlySet<string> BlobSha256s,
    long RecognitionRows,
    long UploadsWithResult,
    long Rejected,
    long Failed,
    long ProcessedTwice,
    IReadOnlyDictionary<string, long> Outcomes);
