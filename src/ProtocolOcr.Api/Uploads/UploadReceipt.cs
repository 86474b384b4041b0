using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Uploads;

/// <summary>The acknowledgement of a durable upload; the same photo always gets the same receipt.</summary>
public sealed record UploadReceipt(Guid Id, string Sha256, DateTime ReceivedAt, string StatusUrl)
{
    public static UploadReceipt For(UploadRecord upload) =>
        new(upload.Id, upload.Sha256, upload.ReceivedAt, UploadEndpoints.StatusUrl(upload.Id));
}
