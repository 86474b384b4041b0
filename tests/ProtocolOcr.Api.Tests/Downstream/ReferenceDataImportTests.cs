using ProtocolOcr.Api.Tests.Harness;
using ProtocolOcr.Infrastructure.Downstream.Import;

namespace ProtocolOcr.Api.Tests.Downstream;

[Collection(ServicesCollection.Name)]
public sealed class ReferenceDataImportTests(ServicesFixture services)
{
    [Fact]
    public async Task Good_files_import_every_row_and_a_second_import_replaces_instead_of_duplicating()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);

        await SeededElection.ImportReferenceDataAsync(environment);
        await SeededElection.ImportReferenceDataAsync(environment);

        Assert.Equal(1, await environment.ScalarAsync("SELECT count(*) FROM elections WHERE id = 'test-2019' AND form_id = 'kz.president.2019'"));
        Assert.Equal(5, await environment.ScalarAsync("SELECT count(*) FROM precincts"));
        Assert.Equal(1000, await environment.ScalarAsync("SELECT voters_on_list FROM precincts WHERE precinct = '101'"));
        Assert.Equal(65, await environment.ScalarAsync("SELECT count(*) FROM official_results"));
        Assert.Equal(450, await environment.ScalarAsync("SELECT value FROM official_results WHERE precinct = '101' AND field_id = 'V6'"));
        Assert.Equal(7, await environment.ScalarAsync(
            "SELECT count(*) FROM form_fields WHERE form_id = 'kz.president.2019' AND group_id = 'V'"));
    }

    [Fact]
    public async Task A_bad_official_file_names_every_bad_row_and_imports_nothing()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        var importer = SeededElection.Importer(environment);
        foreach (var (kind, file) in new[] { (ReferenceDataKind.Elections, "elections.csv"), (ReferenceDataKind.Precincts, "precincts.csv") })
        {
            using var reader = new StreamReader(SeededElection.DataFile(file));
            Assert.True((await importer.ImportAsync(kind, reader, CancellationToken.None)).Succeeded);
        }

        using var bad = new StreamReader(SeededElection.DataFile("bad-official.csv"));
        var result = await importer.ImportAsync(ReferenceDataKind.Official, bad, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.RowsImported);
        Assert.Equal(
            [
                (3, ImportReasonCodes.UnknownElection), (4, ImportReasonCodes.UnknownFormField), (5, ImportReasonCodes.Duplicate),
                (6, ImportReasonCodes.NotAnInteger), (7, ImportReasonCodes.Negative), (8, ImportReasonCodes.UnknownPrecinct),
            ],
            result.Errors.Select(e => (e.Line, e.Reason)).ToArray());
        Assert.Contains("line 2", result.Errors.Single(e => e.Reason == ImportReasonCodes.Duplicate).Message, StringComparison.Ordinal);
        Assert.Equal(0, await environment.ScalarAsync("SELECT count(*) FROM official_results"));
    }

    [Theory]
    [InlineData("election_id,region,precinct,address\ntest-2019,Almaty,1,x\n", 1, ImportReasonCodes.MissingColumn)]
    [InlineData("", 1, ImportReasonCodes.EmptyFile)]
    [InlineData("election_id,region,precinct,address,voters_on_list\ntest-2019,Almaty,1,\"unclosed,5\n", 2, ImportReasonCodes.MalformedCsv)]
    [InlineData("election_id,region,precinct,address,voters_on_list\ntest-2019,Almaty,1,x,5\ntest-2019,Almaty,,x,5\n", 3, ImportReasonCodes.MissingValue)]
    public async Task A_broken_precincts_file_is_refused_with_its_line_and_reason(string csv, int line, string reason)
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        var importer = SeededElection.Importer(environment);
        using (var elections = new StreamReader(SeededElection.DataFile("elections.csv")))
        {
            Assert.True((await importer.ImportAsync(ReferenceDataKind.Elections, elections, CancellationToken.None)).Succeeded);
        }

        var result = await importer.ImportAsync(ReferenceDataKind.Precincts, new StringReader(csv), CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.Equal((line, reason), (error.Line, error.Reason));
        Assert.Equal(0, await environment.ScalarAsync("SELECT count(*) FROM precincts"));
    }

    [Fact]
    public async Task An_election_on_a_form_that_is_not_installed_is_refused()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);

        var result = await SeededElection.Importer(environment).ImportAsync(ReferenceDataKind.Elections,
            new StringReader("election_id,form_id,title\nx-2030,no.such.form,X\nx-2030,kz.president.2019,X\nx-2030,kz.president.2019,X\n"),
            CancellationToken.None);

        Assert.Equal([(2, ImportReasonCodes.UnknownForm), (4, ImportReasonCodes.Duplicate)],
            result.Errors.Select(e => (e.Line, e.Reason)).ToArray());
        Assert.Equal(0, await environment.ScalarAsync("SELECT count(*) FROM elections WHERE id = 'x-2030'"));
    }
}
