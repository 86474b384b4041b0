using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using ProtocolOcr.Api.Downstream.Report;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests.Downstream;

[Collection(ServicesCollection.Name)]
public sealed class DownstreamApiTests(ServicesFixture services)
{
    [Fact]
    public async Task Admin_imports_csv_bodies_and_multipart_files_and_a_bad_file_is_refused_row_by_row()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await using var api = environment.CreateApi();
        var admin = await DownstreamApi.ClientAsync(environment, api, "admin");

        var elections = await admin.PostAsync("/api/import/elections",
            new StringContent(await File.ReadAllTextAsync(SeededElection.DataFile("elections.csv")), Encoding.UTF8, "text/csv"));
        using var multipart = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(SeededElection.DataFile("precincts.csv"))), "file", "precincts.csv" },
        };
        var precincts = await admin.PostAsync("/api/import/precincts", multipart);
        var bad = await admin.PostAsync("/api/import/official",
            new StringContent(await File.ReadAllTextAsync(SeededElection.DataFile("bad-official.csv")), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, elections.StatusCode);
        Assert.Equal(5, (await precincts.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowsImported").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var refusal = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("import_refused", refusal.GetProperty("error").GetString());
        Assert.Equal([3, 4, 5, 6, 7, 8], refusal.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(0, await environment.ScalarAsync("SELECT count(*) FROM official_results"));
    }

    [Fact]
    public async Task Import_needs_an_admin_and_results_need_an_analyst()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await using var api = environment.CreateApi();
        var csv = new StringContent("election_id,form_id,title\n", Encoding.UTF8, "text/csv");

        Assert.Equal(HttpStatusCode.Unauthorized, (await (await DownstreamApi.ClientAsync(environment, api, null)).PostAsync("/api/import/elections", csv)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await DownstreamApi.ClientAsync(environment, api, "analyst")).PostAsync("/api/import/elections", csv)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await DownstreamApi.ClientAsync(environment, api, "operator")).GetAsync("/api/results/coverage")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await DownstreamApi.ClientAsync(environment, api, "observer")).GetAsync("/report?election=test-2019")).StatusCode);
        var signedOut = await (await DownstreamApi.ClientAsync(environment, api, null)).GetAsync("/report?election=test-2019");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/account/login", signedOut.Headers.Location?.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await (await DownstreamApi.ClientAsync(environment, api, "analyst")).GetAsync("/api/results/coverage")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await DownstreamApi.ClientAsync(environment, api, "admin")).GetAsync("/api/results/coverage")).StatusCode);
    }

    [Fact]
    public async Task Results_are_filtered_and_paged_and_the_csv_export_holds_the_same_rows()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await SeededElection.SeedAsync(environment);
        await using var api = environment.CreateApi();
        var analyst = await DownstreamApi.ClientAsync(environment, api, "analyst");

        var page = await analyst.GetFromJsonAsync<JsonElement>("/api/results/discrepancies?election=test-2019&region=Almaty&page=2&pageSize=10");
        var precinct = await analyst.GetFromJsonAsync<JsonElement>("/api/results/discrepancies?election=test-2019&precinct=101&pageSize=100");
        var export = await analyst.GetAsync("/api/results/discrepancies.csv?election=test-2019");
        var disagreements = await analyst.GetFromJsonAsync<JsonElement>("/api/results/disagreements?election=test-2019");
        var unknown = await analyst.GetAsync("/api/results/nothing");
        var badPage = await analyst.GetAsync("/api/results/coverage?pageSize=0");

        // Almaty: 101 and 102 with 13 lines, 103 with 12 (its disputed V6 has no final value).
        Assert.Equal(38, page.GetProperty("total").GetInt32());
        Assert.Equal(10, page.GetProperty("items").GetArrayLength());
        Assert.Equal("102", page.GetProperty("items")[3].GetProperty("precinct").GetString());
        var v6 = precinct.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("field_id").GetString() == "V6");
        Assert.Equal((400, 450, 50), (v6.GetProperty("observer_value").GetInt32(), v6.GetProperty("official_value").GetInt32(), v6.GetProperty("difference").GetInt32()));

        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        using var reader = CsvReader.Create(new StringReader(await export.Content.ReadAsStringAsync()), new CsvReaderOptions { HasHeader = true });
        var rows = new List<(string Precinct, string Field, long Difference)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString("precinct"), reader.GetString("field_id"), long.Parse(reader.GetString("difference"), System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(51, rows.Count);
        Assert.Equal([("101", "V3", -30L), ("101", "V6", 50L), ("201", "L4", 50L), ("201", "V6", 50L)], rows.Where(r => r.Difference != 0));
        var disputed = Assert.Single(disagreements.GetProperty("items").EnumerateArray());
        Assert.Equal(("103", "V6"), (disputed.GetProperty("precinct").GetString(), disputed.GetProperty("field_id").GetString()));
        Assert.Equal([390, 890], disputed.GetProperty("disagreement").EnumerateArray().Select(d => d.GetProperty("value").GetInt32()).Order());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Fact]
    public async Task Evidence_package_round_trip_every_hash_verifies_and_the_report_prints_the_manifest_hash()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        var photos = await SeededElection.SeedAsync(environment);
        await using var api = environment.CreateApi();
        var analyst = await DownstreamApi.ClientAsync(environment, api, "analyst");

        var response = await analyst.GetAsync("/api/evidence?election=test-2019&region=Almaty&precinct=101");
        var report = await analyst.GetStringAsync("/report?election=test-2019");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headerHash = response.Headers.GetValues(ReportEndpoints.ManifestHashHeader).Single();
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var contents = zip.Entries.ToDictionary(e => e.FullName, Read);
        Assert.Equal(headerHash, Sha256(contents["manifest.json"]));
        using var manifest = JsonDocument.Parse(contents["manifest.json"]);
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => (Sha: f.GetProperty("sha256").GetString(), Bytes: f.GetProperty("bytes").GetInt64()));
        Assert.Equal(contents.Keys.Where(k => k != "manifest.json").Order(), listed.Keys.Order());
        foreach (var (path, (sha, bytes)) in listed)
        {
            Assert.Equal((sha, bytes), (Sha256(contents[path]), contents[path].LongLength));
        }

        var uploadShas = await UploadShasAsync(environment, photos.First101, photos.Second101);
        Assert.Equal(uploadShas.Select(s => $"photos/{s}.png").Order(), listed.Keys.Where(k => k.StartsWith("photos/", StringComparison.Ordinal)).Order());
        Assert.Contains("\"official_value\": 450", Encoding.UTF8.GetString(contents["official.json"]), StringComparison.Ordinal);
        Assert.Contains("\"actor\": \"downstream-test\"", Encoding.UTF8.GetString(contents["review-history.json"]), StringComparison.Ordinal);
        Assert.Contains(headerHash[..16], report, StringComparison.Ordinal);
        Assert.Contains($"/api/photos/{photos.First101}", report, StringComparison.Ordinal);

        // The same stored state gives the same package: a second download hashes the same.
        var again = await analyst.GetAsync("/api/evidence?election=test-2019&region=Almaty&precinct=101");
        Assert.Equal(headerHash, again.Headers.GetValues(ReportEndpoints.ManifestHashHeader).Single());
    }

    [Fact]
    public async Task Photo_links_serve_the_original_bytes_and_unknown_precincts_and_elections_are_404()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        var photos = await SeededElection.SeedAsync(environment);
        await using var api = environment.CreateApi();
        var analyst = await DownstreamApi.ClientAsync(environment, api, "analyst");

        var photo = await analyst.GetAsync($"/api/photos/{photos.Only102}");
        var sha = (await UploadShasAsync(environment, photos.Only102)).Single();

        Assert.Equal(sha, Sha256(await photo.Content.ReadAsByteArrayAsync()));
        Assert.Equal(new MediaTypeHeaderValue("image/png"), photo.Content.Headers.ContentType);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/api/evidence?election=test-2019&region=Almaty&precinct=999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/report?election=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/photos/{Guid.NewGuid()}")).StatusCode);
    }

    private static async Task<List<string>> UploadShasAsync(TestEnvironment environment, params Guid[] uploads)
    {
        var shas = new List<string>();
        foreach (var upload in uploads)
        {
            await using var connection = new Npgsql.NpgsqlConnection(environment.DatabaseConnectionString);
            shas.Add(await Dapper.SqlMapper.QuerySingleAsync<string>(connection, "SELECT sha256 FROM uploads WHERE id = @upload", new { upload }));
        }

        return shas;
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
