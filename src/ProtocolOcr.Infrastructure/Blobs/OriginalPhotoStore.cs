using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ProtocolOcr.Infrastructure.Configuration;

namespace ProtocolOcr.Infrastructure.Blobs;

public sealed class OriginalPhotoStore(BlobContainerClient container) : IOriginalPhotoStore
{
    public static string KeyFor(string sha256) => $"originals/{sha256}";

    /// <summary>
    /// API version pinned to what Azurite 3.37 accepts; few quick retries so an outage becomes a 503 within seconds
    /// instead of holding the observer's request for the SDK's default back-off.
    /// </summary>
    public static BlobContainerClient CreateContainerClient(BlobStorageOptions options)
    {
        var clientOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06);
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return new BlobServiceClient(options.ConnectionString, clientOptions).GetBlobContainerClient(options.Container);
    }

    public async Task<string> PutAsync(
        string sha256, ReadOnlyMemory<byte> photo, string contentType, CancellationToken cancellationToken)
    {
        var key = KeyFor(sha256);
        try
        {
            await UploadIfAbsentAsync(key, photo, contentType, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // Created on first use rather than at start-up, so the API starts (and answers 503) while storage is down.
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await UploadIfAbsentAsync(key, photo, contentType, cancellationToken);
        }

        return key;
    }

    public async Task<byte[]> GetAsync(string blobKey, CancellationToken cancellationToken)
    {
        var content = await container.GetBlobClient(blobKey).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToArray();
    }

    public async Task<bool> ExistsAsync(string blobKey, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(blobKey).ExistsAsync(cancellationToken)).Value;

    private async Task UploadIfAbsentAsync(
        string key, ReadOnlyMemory<byte> photo, string contentType, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
        };
        try
        {
            await container.GetBlobClient(key).UploadAsync(BinaryData.FromBytes(photo), options, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Same key means same SHA-256 means same bytes: the original is already stored, which is all we need.
        }
    }
}
