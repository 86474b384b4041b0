using Dapper;
using Npgsql;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary>What rows are checked against: the installed forms and the elections and precincts already stored.</summary>
internal sealed record ImportContext(
    IFormCatalog Forms,
    IReadOnlyDictionary<string, string> ElectionForms,
    IReadOnlySet<(string Election, string Region, string Precinct)> Precincts)
{
    public static async Task<ImportContext> LoadAsync(
        IFormCatalog forms, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var elections = await connection.QueryAsync<(string Id, string FormId)>(new CommandDefinition(
            "SELECT id, form_id FROM elections", transaction: transaction, cancellationToken: cancellationToken));
        var precincts = await connection.QueryAsync<(string, string, string)>(new CommandDefinition(
            "SELECT election_id, region, precinct FROM precincts", transaction: transaction, cancellationToken: cancellationToken));
        return new ImportContext(forms, elections.ToDictionary(e => e.Id, e => e.FormId, StringComparer.Ordinal), precincts.ToHashSet());
    }

    public bool KnowsElection(CsvRecord record, List<ImportRowError> errors)
    {
        var election = record[CsvColumns.Election];
        if (ElectionForms.ContainsKey(election))
        {
            return true;
        }

        errors.Add(new ImportRowError(record.Line, ImportReasonCodes.UnknownElection,
            $"Election '{election}' is not imported; import it with the elections file first."));
        return false;
    }
}
