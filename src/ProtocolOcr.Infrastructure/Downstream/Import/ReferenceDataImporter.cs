using Npgsql;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary>
/// Imports one reference CSV file: every row is checked first (against the installed forms and what is stored),
/// then all rows are written in one transaction; a file with any bad row writes nothing and lists every bad row.
/// </summary>
public sealed class ReferenceDataImporter(NpgsqlDataSource dataSource, IFormCatalog forms)
{
    public static IReadOnlyList<string> ColumnsOf(ReferenceDataKind kind) => kind switch
    {
        ReferenceDataKind.Elections => ElectionsFile.Columns,
        ReferenceDataKind.Precincts => PrecinctsFile.Columns,
        ReferenceDataKind.Official => OfficialResultsFile.Columns,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reference data kind."),
    };

    public async Task<ImportResult> ImportAsync(ReferenceDataKind kind, TextReader csv, CancellationToken cancellationToken)
    {
        var table = CsvTable.Read(csv, ColumnsOf(kind));
        if (table.Errors.Count > 0)
        {
            return new ImportResult(kind, 0, table.Errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var context = await ImportContext.LoadAsync(forms, connection, transaction, cancellationToken);
        var errors = new List<ImportRowError>();
        var imported = kind switch
        {
            ReferenceDataKind.Elections => await ElectionsFile.ImportAsync(table.Records, context, connection, transaction, errors, cancellationToken),
            ReferenceDataKind.Precincts => await PrecinctsFile.ImportAsync(table.Records, context, connection, transaction, errors, cancellationToken),
            ReferenceDataKind.Official => await OfficialResultsFile.ImportAsync(table.Records, context, connection, transaction, errors, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reference data kind."),
        };
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ImportResult(kind, 0, errors);
        }

        await FormFieldsSync.SyncAsync(forms, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(kind, imported, []);
    }
}
