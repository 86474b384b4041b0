using ProtocolOcr.Infrastructure.Recognitions;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Uploads;

/// <summary>The answer of <c>GET /api/uploads/{id}</c>: where the upload stands and, once processed, what was read.</summary>
public sealed record UploadStatusResponse(
    Guid Id,
    string Sha256,
    string ElectionId,
    string Region,
    string Precinct,
    DateTime ReceivedAt,
    DateTime UpdatedAt,
    string Status,
    ReasonResponse? Reason,
    RecognitionResponse? Recognition)
{
    public static UploadStatusResponse From(UploadRecord upload, StoredRecognition? recognition) => new(
        upload.Id, upload.Sha256, upload.ElectionId, upload.Region, upload.Precinct, upload.ReceivedAt, upload.UpdatedAt,
        upload.Status, ReasonResponse.From(upload.ReasonCode, upload.ReasonMessage),
        recognition is null ? null : RecognitionResponse.From(recognition));
}
