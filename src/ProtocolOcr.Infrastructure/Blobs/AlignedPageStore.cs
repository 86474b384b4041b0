using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ProtocolOcr.Infrastructure.Blobs;

/// <summary>
/// The aligned page of each recognition (JPEG at the form's reference size) under
/// <c>aligned/&lt;upload id&gt;/&lt;pipeline version&gt;.jpg</c>; the review desk cuts field crops from it.
/// </summary>
public sealed class AlignedPageStore(BlobContainerClient container)
{
    public static string KeyFor(Guid uploadId, string pipelineVersion) => $"aligned/{uploadId}/{pipelineVersion}.jpg";

    /// <summary>Stores (or replaces: a re-run of the same version draws the same page) and returns the key.</summary>
    public async Task<string> PutAsync(Guid uploadId, string pipelineVersion, ReadOnlyMemory<byte> jpeg, CancellationToken cancellationToken)
    {
        var key = KeyFor(uploadId, pipelineVersion);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/jpeg" } };
        try
        {
            await container.GetBlobClient(key).UploadAsync(BinaryData.FromBytes(jpeg), options, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await container.GetBlobClient(key).UploadAsync(BinaryData.FromBytes(jpeg), options, cancellationToken);
        }

        return key;
    }

    public async Task<byte[]> GetAsync(string key, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(key).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
}
