using Azure;
using ProtocolOcr.Infrastructure.Blobs;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// The real blob store with faults Azurite cannot be made to produce: a write refused because the storage is full,
/// and a probe that records, at the moment of every write, whether an upload row already claims that photo.
/// </summary>
internal sealed class FaultyPhotoStore(IOriginalPhotoStore inner, Func<string, Task<long>> rowsClaiming) : IOriginalPhotoStore
{
    public bool DiskFull { get; set; }

    /// <summary>For each write: the photo's SHA-256 and how many upload rows claimed it when the write started.</summary>
    public List<(string Sha256, long RowsBefore)> Writes { get; } = [];

    public async Task<string> PutAsync(string sha256, ReadOnlyMemory<byte> photo, string contentType, CancellationToken cancellationToken)
    {
        var rows = await rowsClaiming(sha256);
        lock (Writes)
        {
            Writes.Add((sha256, rows));
        }

        if (DiskFull)
        {
            // What Azure Storage answers when the account or the disk behind it cannot take more data.
            throw new RequestFailedException(507, "There is not enough space on the disk.", "InsufficientStorage", null);
        }

        return await inner.PutAsync(sha256, photo, contentType, cancellationToken);
    }

    public Task<byte[]> GetAsync(string blobKey, CancellationToken cancellationToken) => inner.GetAsync(blobKey, cancellationToken);

    public Task<bool> ExistsAsync(string blobKey, CancellationToken cancellationToken) => inner.ExistsAsync(blobKey, cancellationToken);
}
