using Dapper;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary><c>election_id,form_id,title</c>: adds an election or replaces its form and title.</summary>
internal static class ElectionsFile
{
    public static IReadOnlyList<string> Columns { get; } = [CsvColumns.Election, CsvColumns.Form, CsvColumns.Title];

    public static async Task<int> ImportAsync(IReadOnlyList<CsvRecord> records, ImportContext context, NpgsqlConnection connection,
        NpgsqlTransaction transaction, List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(string Id, string FormId, string Title)>();
        foreach (var record in records)
        {
            if (!Columns.All(column => RowChecks.Present(record, column, errors)))
            {
                continue;
            }

            var (id, formId) = (record[CsvColumns.Election], record[CsvColumns.Form]);
            if (!context.Forms.FormIds.Contains(formId))
            {
                errors.Add(new ImportRowError(record.Line, ImportReasonCodes.UnknownForm,
                    $"Form '{formId}' is not installed; known: {string.Join(", ", context.Forms.FormIds)}."));
                continue;
            }

            if (RowChecks.FirstOccurrence(seen, id, record, $"Election '{id}'", errors))
            {
                rows.Add((id, formId, record[CsvColumns.Title]));
            }
        }

        if (errors.Count > 0)
        {
            return 0;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO elections (id, form_id, title)
            SELECT * FROM unnest(@ids, @forms, @titles)
            ON CONFLICT (id) DO UPDATE SET form_id = excluded.form_id, title = excluded.title
            """, new
        {
            ids = rows.Select(r => r.Id).ToArray(),
            forms = rows.Select(r => r.FormId).ToArray(),
            titles = rows.Select(r => r.Title).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
        return rows.Count;
    }
}
