namespace ProtocolOcr.Infrastructure.Consistency;

/// <summary>
/// What disagrees between the upload rows, the blob store and the job queue.
/// </summary>
/// <param name="BlobsWithoutRows">Originals whose upload row never committed (an outage or crash between the blob write
/// and the row): harmless, the same photo sent again finds its blob; listed so they can be reviewed or removed.</param>
/// <param name="RowsWithoutBlobs">Uploads whose original is missing: their photo is lost and cannot be processed.</param>
/// <param name="StuckUploads">Uploads still queued or processing with no live job (enqueued, scheduled, processing)
/// to finish them.</param>
public sealed record ConsistencyReport(
    long Uploads,
    long Blobs,
    IReadOnlyList<string> BlobsWithoutRows,
    IReadOnlyList<Guid> RowsWithoutBlobs,
    IReadOnlyList<Guid> StuckUploads)
{
    /// <summary>No upload is lost or stuck; orphan blobs alone do not lose anything.</summary>
    public bool NothingLost => RowsWithoutBlobs.Count == 0 && StuckUploads.Count == 0;
}
