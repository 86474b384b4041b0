using System.CommandLine;
using Npgsql;
using ProtocolOcr.Cli.Commands;
using ProtocolOcr.Infrastructure.Database;
using ProtocolOcr.LocalStack;

namespace ProtocolOcr.Cli.Tests.Commands;

/// <summary><c>check-consistency</c> against a real PostgreSQL and Azurite: a row whose original is missing fails it.</summary>
public sealed class CheckConsistencyCommandTests : IAsyncLifetime
{
    private PostgresServer _postgres = null!;
    private AzuriteServer _azurite = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        _azurite = await AzuriteServer.StartAsync();
        _database = await _postgres.CreateDatabaseAsync("consistency");
        Assert.True(DatabaseMigrator.Migrate(_database, TextWriter.Null).Successful);
    }

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Empty_store_is_consistent()
    {
        var (exit, output, _) = await RunAsync("--connection", _database, "--blobs", _azurite.ConnectionString, "--container", "empty");

        Assert.Equal(0, exit);
        Assert.Contains("consistent: nothing lost", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_without_its_blob_is_reported_and_fails_the_check()
    {
        var id = Guid.CreateVersion7();
        await using (var connection = new NpgsqlConnection(_database))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO uploads (id, sha256, blob_key, election_id, region, precinct, format, size_bytes, pixel_width,
                                     pixel_height, received_at, status, attempts, updated_at)
                VALUES (@id, repeat('b', 64), 'originals/' || repeat('b', 64), 'kz-2019-president', 'Almaty', '1', 'jpeg', 10,
                        10, 10, now(), 'accepted', 1, now())
                """, connection);
            insert.Parameters.AddWithValue("id", id);
            await insert.ExecuteNonQueryAsync();
        }

        var (exit, output, _) = await RunAsync("--connection", _database, "--blobs", _azurite.ConnectionString, "--container", "lost", "--json");

        Assert.Equal(1, exit);
        Assert.Contains("\"rows_without_blobs\"", output, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { CheckConsistencyCommand.Create() };
        var exit = await root.Parse(["check-consistency", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
