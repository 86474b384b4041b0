using Dapper;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary><c>election_id,region,precinct,address,voters_on_list</c>: adds a precinct or replaces its address and voters.</summary>
internal static class PrecinctsFile
{
    public static IReadOnlyList<string> Columns { get; } =
        [CsvColumns.Election, CsvColumns.Region, CsvColumns.Precinct, CsvColumns.Address, CsvColumns.VotersOnList];

    public static async Task<int> ImportAsync(IReadOnlyList<CsvRecord> records, ImportContext context, NpgsqlConnection connection,
        NpgsqlTransaction transaction, List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<(string, string, string), int>();
        var rows = new List<(string Election, string Region, string Precinct, string Address, long Voters)>();
        foreach (var record in records)
        {
            if (!new[] { CsvColumns.Election, CsvColumns.Region, CsvColumns.Precinct, CsvColumns.VotersOnList }
                    .All(column => RowChecks.Present(record, column, errors))
                || !context.KnowsElection(record, errors)
                || RowChecks.NonNegativeInteger(record, CsvColumns.VotersOnList, errors) is not { } voters)
            {
                continue;
            }

            if (voters > int.MaxValue)
            {
                errors.Add(new ImportRowError(record.Line, ImportReasonCodes.NotAnInteger,
                    $"'{CsvColumns.VotersOnList}' is {voters}, more than a precinct can have."));
                continue;
            }

            var key = (record[CsvColumns.Election], record[CsvColumns.Region], record[CsvColumns.Precinct]);
            if (RowChecks.FirstOccurrence(seen, key, record, $"Precinct {key.Item3} of region '{key.Item2}'", errors))
            {
                rows.Add((key.Item1, key.Item2, key.Item3, record[CsvColumns.Address], voters));
            }
        }

        if (errors.Count > 0)
        {
            return 0;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO precincts (election_id, region, precinct, address, voters_on_list)
            SELECT * FROM unnest(@elections, @regions, @precincts, @addresses, @voters)
            ON CONFLICT (election_id, region, precinct)
            DO UPDATE SET address = excluded.address, voters_on_list = excluded.voters_on_list
            """, new
        {
            elections = rows.Select(r => r.Election).ToArray(),
            regions = rows.Select(r => r.Region).ToArray(),
            precincts = rows.Select(r => r.Precinct).ToArray(),
            addresses = rows.Select(r => r.Address).ToArray(),
            voters = rows.Select(r => checked((int)r.Voters)).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
        return rows.Count;
    }
}
