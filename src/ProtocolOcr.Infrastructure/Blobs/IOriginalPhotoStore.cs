namespace ProtocolOcr.Infrastructure.Blobs;

/// <summary>Original photos, content-addressed by their SHA-256 and never overwritten.</summary>
public interface IOriginalPhotoStore
{
    /// <summary>Stores the photo under <c>originals/&lt;sha256&gt;</c> and returns that key; an existing blob is kept as is.</summary>
    Task<string> PutAsync(string sha256, ReadOnlyMemory<byte> photo, string contentType, CancellationToken cancellationToken);

    Task<byte[]> GetAsync(string blobKey, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string blobKey, CancellationToken cancellationToken);
}
