using System.CommandLine;
using System.Text.Json;
using Npgsql;
using ProtocolOcr.Infrastructure.Blobs;
using ProtocolOcr.Infrastructure.Configuration;
using ProtocolOcr.Infrastructure.Consistency;

namespace ProtocolOcr.Cli.Commands;

/// <summary>
/// <c>check-consistency [--connection CS] [--blobs CS] [--container NAME] [--json]</c>: blobs without upload rows, rows
/// whose original is missing, uploads queued or processing without a live job. Exit 0 when nothing is lost (orphan blobs
/// are listed but lose nothing), 1 when a row has no blob or an upload is stuck, 2 when a connection string is missing.
/// </summary>
public static class CheckConsistencyCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create()
    {
        var connection = new Option<string>("--connection") { Description = $"PostgreSQL connection string (default: {ConnectionSettings.PostgresVariable})." };
        var blobs = new Option<string>("--blobs") { Description = $"Blob storage connection string (default: {ConnectionSettings.BlobsVariable})." };
        var container = new Option<string>("--container")
        {
            Description = "Blob container of the originals (default: Blobs__Container, else protocol-photos).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Blobs__Container") ?? new BlobStorageOptions().Container,
        };
        var json = new Option<bool>("--json") { Description = "Print the full report as JSON." };
        var command = new Command("check-consistency", "Find blobs without rows, rows without blobs and uploads stuck without a job.")
        {
            connection, blobs, container, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var database = parse.GetValue(connection) ?? Environment.GetEnvironmentVariable(ConnectionSettings.PostgresVariable);
            var blobStore = parse.GetValue(blobs) ?? Environment.GetEnvironmentVariable(ConnectionSettings.BlobsVariable);
            if (string.IsNullOrWhiteSpace(database) || string.IsNullOrWhiteSpace(blobStore))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"Pass --connection and --blobs, or set {ConnectionSettings.PostgresVariable} and {ConnectionSettings.BlobsVariable}.");
                return 2;
            }

            await using var dataSource = NpgsqlDataSource.Create(database);
            var client = OriginalPhotoStore.CreateContainerClient(
                new BlobStorageOptions { ConnectionString = blobStore, Container = parse.GetValue(container)! });
            var report = await new ConsistencyCheck(dataSource, client).RunAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                await PrintAsync(output, report);
            }

            return report.NothingLost ? 0 : 1;
        });
        return command;
    }

    private static async Task PrintAsync(TextWriter output, ConsistencyReport report)
    {
        await output.WriteLineAsync($"{report.Uploads} upload rows, {report.Blobs} original blobs");
        await output.WriteLineAsync($"blobs without rows (harmless, resends find them): {report.BlobsWithoutRows.Count}");
        foreach (var key in report.BlobsWithoutRows)
        {
            await output.WriteLineAsync($"  {key}");
        }

        await output.WriteLineAsync($"rows without blobs (photo lost): {report.RowsWithoutBlobs.Count}");
        foreach (var id in report.RowsWithoutBlobs)
        {
            await output.WriteLineAsync($"  {id}");
        }

        await output.WriteLineAsync($"uploads queued/processing without a live job: {report.StuckUploads.Count}");
        foreach (var id in report.StuckUploads)
        {
            await output.WriteLineAsync($"  {id}");
        }

        await output.WriteLineAsync(report.NothingLost ? "consistent: nothing lost" : "INCONSISTENT: see above");
    }
}
