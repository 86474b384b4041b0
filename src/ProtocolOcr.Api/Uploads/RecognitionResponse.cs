using System.Text.Json;
using ProtocolOcr.Infrastructure.Recognitions;

namespace ProtocolOcr.Api.Uploads;

public sealed record RecognitionResponse(
    string FormId,
    string PipelineVersion,
    string Status,
    ReasonResponse? Reason,
    DateTime CreatedAt,
    IReadOnlyList<FieldResponse> Fields,
    JsonElement Relations)
{
    public static RecognitionResponse From(StoredRecognition recognition)
    {
        var header = recognition.Header;
        using var relations = JsonDocument.Parse(header.Relations);
        return new RecognitionResponse(header.FormId, header.PipelineVersion, header.Status,
            ReasonResponse.From(header.ReasonCode, header.ReasonMessage), header.CreatedAt,
            recognition.Fields.Select(FieldResponse.From).ToList(), relations.RootElement.Clone());
    }
}
