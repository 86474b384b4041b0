using Dapper;
using Npgsql;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary>
/// <c>election_id,region,precinct,field_id,value</c>: the commission's published figure for one precinct and form
/// line (field ids as in the election's form: L1, V3, ...); replaces an earlier figure for the same line.
/// </summary>
internal static class OfficialResultsFile
{
    public static IReadOnlyList<string> Columns { get; } =
        [CsvColumns.Election, CsvColumns.Region, CsvColumns.Precinct, CsvColumns.Field, CsvColumns.Value];

    public static async Task<int> ImportAsync(IReadOnlyList<CsvRecord> records, ImportContext context, NpgsqlConnection connection,
        NpgsqlTransaction transaction, List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<(string, string, string, string), int>();
        var rows = new List<(string Election, string Region, string Precinct, string Field, long Value)>();
        foreach (var record in records)
        {
            if (!Columns.All(column => RowChecks.Present(record, column, errors)) || !context.KnowsElection(record, errors))
            {
                continue;
            }

            var (election, region, precinct, field) =
                (record[CsvColumns.Election], record[CsvColumns.Region], record[CsvColumns.Precinct], record[CsvColumns.Field]);
            if (!context.Precincts.Contains((election, region, precinct)))
            {
                errors.Add(new ImportRowError(record.Line, ImportReasonCodes.UnknownPrecinct,
                    $"Precinct {precinct} of region '{region}' is not in the registry of '{election}'; import the precincts file first."));
                continue;
            }

            if (!IsNumericField(context, election, field))
            {
                errors.Add(new ImportRowError(record.Line, ImportReasonCodes.UnknownFormField,
                    $"Form '{context.ElectionForms[election]}' has no numeric field '{field}'."));
                continue;
            }

            if (RowChecks.NonNegativeInteger(record, CsvColumns.Value, errors) is { } value
                && RowChecks.FirstOccurrence(seen, (election, region, precinct, field), record,
                    $"Field {field} of precinct {precinct} in region '{region}'", errors))
            {
                rows.Add((election, region, precinct, field, value));
            }
        }

        if (errors.Count > 0)
        {
            return 0;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO official_results (election_id, region, precinct, field_id, value)
            SELECT * FROM unnest(@elections, @regions, @precincts, @fields, @values)
            ON CONFLICT (election_id, region, precinct, field_id) DO UPDATE SET value = excluded.value
            """, new
        {
            elections = rows.Select(r => r.Election).ToArray(),
            regions = rows.Select(r => r.Region).ToArray(),
            precincts = rows.Select(r => r.Precinct).ToArray(),
            fields = rows.Select(r => r.Field).ToArray(),
            values = rows.Select(r => r.Value).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
        return rows.Count;
    }

    private static bool IsNumericField(ImportContext context, string election, string fieldId)
    {
        var formId = context.ElectionForms[election];
        return context.Forms.FormIds.Contains(formId)
               && context.Forms.Get(formId).Fields.Any(f => f.Id == fieldId && f.Kind is FieldKind.Count or FieldKind.Code);
    }
}
