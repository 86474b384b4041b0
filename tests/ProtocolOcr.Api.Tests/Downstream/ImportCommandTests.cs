extern alias cli;

using System.CommandLine;
using ProtocolOcr.Api.Tests.Harness;
using cli::ProtocolOcr.Cli.Commands;

namespace ProtocolOcr.Api.Tests.Downstream;

/// <summary><c>protocol-ocr import</c> against a real database, in process.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ImportCommandTests(ServicesFixture services)
{
    [Fact]
    public async Task Good_files_exit_0_and_a_bad_file_exits_1_naming_each_refused_line()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);

        var elections = await RunAsync("import", "elections", SeededElection.DataFile("elections.csv"), "--connection", environment.DatabaseConnectionString);
        var precincts = await RunAsync("import", "precincts", SeededElection.DataFile("precincts.csv"), "--connection", environment.DatabaseConnectionString);
        var bad = await RunAsync("import", "official", SeededElection.DataFile("bad-official.csv"), "--connection", environment.DatabaseConnectionString);

        Assert.Equal((0, "Imported 1 elections row(s) from elections.csv."), (elections.Exit, elections.Output.Trim()));
        Assert.Equal(0, precincts.Exit);
        Assert.Equal(1, bad.Exit);
        Assert.Contains("bad-official.csv:line 3: unknown_election:", bad.Error, StringComparison.Ordinal);
        Assert.Contains("bad-official.csv:line 8: unknown_precinct:", bad.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing imported: 6 row(s) refused.", bad.Error, StringComparison.Ordinal);
        Assert.Equal(5, await environment.ScalarAsync("SELECT count(*) FROM precincts"));
        Assert.Equal(0, await environment.ScalarAsync("SELECT count(*) FROM official_results"));
    }

    [Fact]
    public async Task A_missing_file_or_an_unknown_kind_exits_2()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);

        var missing = await RunAsync("import", "precincts", "/no/such/file.csv", "--connection", environment.DatabaseConnectionString);
        var unknownKind = await RunAsync("import", "ballots", SeededElection.DataFile("precincts.csv"), "--connection", environment.DatabaseConnectionString);

        Assert.Equal(2, missing.Exit);
        Assert.Contains("No such file", missing.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, unknownKind.Exit);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { ImportCommand.Create() };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
