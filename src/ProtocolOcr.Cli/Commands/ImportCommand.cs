using System.CommandLine;
using Npgsql;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Infrastructure.Configuration;
using ProtocolOcr.Infrastructure.Downstream.Import;

namespace ProtocolOcr.Cli.Commands;

/// <summary>
/// <c>import elections|precincts|official FILE [--connection CS] [--forms DIR]</c>: imports one reference CSV file
/// (formats in docs/database.md). Every row is checked first; any bad row imports nothing. Exit code 0 when imported,
/// 1 when rows were refused (each printed with its line and reason), 2 for bad arguments.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("KIND") { Description = "What the file holds: elections, precincts or official." };
        kind.AcceptOnlyFromAmong([.. ReferenceDataKinds.Names]);
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV file (UTF-8, comma-separated, header on the first line)." };
        var connection = new Option<string>("--connection")
        {
            Description = $"PostgreSQL connection string (default: the {ConnectionSettings.PostgresVariable} environment variable).",
        };
        var formsDirectory = new Option<DirectoryInfo?>("--forms") { Description = "Forms directory (default: PROTOCOLOCR_FORMS or the nearest forms/ folder)." };
        var command = new Command("import", "Import reference data: elections and their forms, the precinct registry, official results.")
        {
            kind, file, connection, formsDirectory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var connectionString = parse.GetValue(connection) ?? Environment.GetEnvironmentVariable(ConnectionSettings.PostgresVariable);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                await error.WriteLineAsync($"No connection string: pass --connection or set {ConnectionSettings.PostgresVariable}.");
                return 2;
            }

            var csv = parse.GetValue(file)!;
            if (!csv.Exists)
            {
                await error.WriteLineAsync($"No such file: {csv.FullName}");
                return 2;
            }

            FormCatalog forms;
            try
            {
                forms = FormCatalog.LoadDirectory(parse.GetValue(formsDirectory)?.FullName ?? FormsDirectory.Locate());
            }
            catch (Exception exception) when (exception is DirectoryNotFoundException or FormDefinitionException or InvalidDataException)
            {
                await error.WriteLineAsync($"Cannot load the forms: {exception.Message}");
                return 2;
            }

            if (!ReferenceDataKinds.TryParse(parse.GetValue(kind)!, out var dataKind))
            {
                await error.WriteLineAsync($"Unknown KIND; use one of: {string.Join(", ", ReferenceDataKinds.Names)}.");
                return 2;
            }

            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            using var reader = new StreamReader(csv.FullName);
            var result = await new ReferenceDataImporter(dataSource, forms).ImportAsync(dataKind, reader, cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var rowError in result.Errors)
                {
                    await error.WriteLineAsync($"{csv.Name}:{rowError}");
                }

                await error.WriteLineAsync($"Nothing imported: {result.Errors.Count} row(s) refused.");
                return 1;
            }

            await output.WriteLineAsync($"Imported {result.RowsImported} {parse.GetValue(kind)} row(s) from {csv.Name}.");
            return 0;
        });
        return command;
    }
}
