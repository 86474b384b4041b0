using Dapper;
using Npgsql;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Infrastructure.Downstream;

/// <summary>
/// Copies every installed form's fields (kind, line number, candidate group, label) into <c>form_fields</c> so the
/// SQL views can name lines and candidates without reading YAML.
/// </summary>
public static class FormFieldsSync
{
    public const string LabelLanguage = "ru";

    public static async Task SyncAsync(IFormCatalog forms, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        var rows = forms.FormIds.Select(forms.Get)
            .SelectMany(form => form.Fields.Select((field, index) => new
            {
                FormId = form.Id,
                FieldId = field.Id,
                Ordinal = index + 1,
                Kind = field.Kind.ToString().ToLowerInvariant(),
                field.LineNumber,
                GroupId = field.Group,
                Label = field.Label[LabelLanguage] is { Length: > 0 } label ? label : field.Label.Any,
            }))
            .ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM form_fields WHERE form_id = ANY(@formIds)", new { formIds = forms.FormIds.ToArray() }, transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO form_fields (form_id, field_id, ordinal, kind, line_number, group_id, label)
            VALUES (@FormId, @FieldId, @Ordinal, @Kind, @LineNumber, @GroupId, @Label)
            """, rows, transaction, cancellationToken: cancellationToken));
    }
}
