using System.Text.Json;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Infrastructure.Recognitions;

namespace ProtocolOcr.Api.Uploads;

public sealed record FieldResponse(
    string FieldId,
    long? Value,
    string Text,
    double Confidence,
    string Status,
    string? ReviewReason,
    string Engine,
    string Source,
    BoxRect Box,
    JsonElement Alternatives)
{
    public static FieldResponse From(StoredField field)
    {
        using var alternatives = JsonDocument.Parse(field.Alternatives);
        return new FieldResponse(field.FieldId, field.Value, field.Text, field.Confidence, field.Status, field.ReviewReason,
            field.Engine, field.Source, new BoxRect(field.X, field.Y, field.Width, field.Height),
            alternatives.RootElement.Clone());
    }
}
