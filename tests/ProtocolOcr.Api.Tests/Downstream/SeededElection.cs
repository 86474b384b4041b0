using Npgsql;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Infrastructure.Downstream.Consensus;
using ProtocolOcr.Infrastructure.Downstream.Import;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests.Downstream;

/// <summary>
/// The test election of <c>Downstream/TestData</c> (form kz.president.2019): Almaty 101-103, Uralsk 201-202. The
/// observers' protocols are below; the official file equals them except Almaty 101 (V3 0 not 30, V6 450 not 400) and
/// Uralsk 201 (L4 750 not 700, V6 470 not 420). Photos: 101 two agreeing, 102 one, 103 two disagreeing on V6
/// (390 and 890), 201 one, 202 none.
/// </summary>
public static class SeededElection
{
    public const string Id = "test-2019";

    public static readonly string[] Fields = ["L1", "L2", "L3", "L4", "L5", "L6", "V1", "V2", "V3", "V4", "V5", "V6", "V7"];

    public static readonly IReadOnlyDictionary<string, long[]> Observed = new Dictionary<string, long[]>
    {
        ["101"] = [1000, 1000, 600, 600, 10, 400, 10, 20, 30, 40, 50, 400, 40],
        ["102"] = [800, 800, 500, 500, 0, 300, 5, 5, 10, 20, 10, 440, 10],
        ["103"] = [900, 900, 450, 450, 0, 450, 10, 10, 10, 10, 10, 390, 10],
        ["201"] = [1200, 1200, 700, 700, 20, 500, 20, 30, 100, 50, 30, 420, 30],
    };

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Downstream", "TestData", name);

    public static PrecinctKey Precinct(string number) =>
        new(Id, number.StartsWith('1') ? "Almaty" : "Uralsk", number);

    public static IReadOnlyDictionary<string, long> Values(string precinct, params (string Field, long Value)[] changes)
    {
        var values = Fields.Zip(Observed[precinct]).ToDictionary(p => p.First, p => p.Second);
        foreach (var (field, value) in changes)
        {
            values[field] = value;
        }

        return values;
    }

    public static ReferenceDataImporter Importer(TestEnvironment environment) =>
        new(NpgsqlDataSource.Create(environment.DatabaseConnectionString), FormCatalog.LoadDirectory(FormsDirectory.Locate()));

    public static PrecinctConsensusService Consensus(TestEnvironment environment) =>
        new(NpgsqlDataSource.Create(environment.DatabaseConnectionString), FormCatalog.LoadDirectory(FormsDirectory.Locate()),
            TimeProvider.System);

    public static async Task ImportReferenceDataAsync(TestEnvironment environment)
    {
        var importer = Importer(environment);
        foreach (var (kind, file) in new[]
                 {
                     (ReferenceDataKind.Elections, "elections.csv"), (ReferenceDataKind.Precincts, "precincts.csv"),
                     (ReferenceDataKind.Official, "official.csv"),
                 })
        {
            using var reader = new StreamReader(DataFile(file));
            var result = await importer.ImportAsync(kind, reader, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }
    }

    /// <summary>Reference data, the observers' photos as the worker would have stored them, and every precinct's consensus.</summary>
    public static async Task<SeededPhotos> SeedAsync(TestEnvironment environment)
    {
        await ImportReferenceDataAsync(environment);
        var photos = new SeededPhotos(
            await ObserverPhotos.InsertAsync(environment, Precinct("101"), Values("101"), 0.9),
            await ObserverPhotos.InsertAsync(environment, Precinct("101"), Values("101"), 0.9),
            await ObserverPhotos.InsertAsync(environment, Precinct("102"), Values("102"), 0.95),
            await ObserverPhotos.InsertAsync(environment, Precinct("103"), Values("103"), 0.9),
            await ObserverPhotos.InsertAsync(environment, Precinct("103"), Values("103", ("V6", 890)), 0.9),
            await ObserverPhotos.InsertAsync(environment, Precinct("201"), Values("201"), 0.95));
        var consensus = Consensus(environment);
        foreach (var precinct in new[] { "101", "102", "103", "201" })
        {
            await consensus.RecomputeAsync(Precinct(precinct), CancellationToken.None);
        }

        return photos;
    }
}
