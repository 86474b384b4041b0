using System.Globalization;
using System.Text;
using ProtocolOcr.Api.Tests.Harness;
using ProtocolOcr.Infrastructure.Downstream.Consensus;
using ProtocolOcr.Infrastructure.Downstream.Import;

namespace ProtocolOcr.Api.Tests.Downstream;

/// <summary>
/// A generated, larger election for the report page (form kz.president.2019, seven regions, 12 precincts each):
/// observers photographed most precincts; in two regions the official count moves votes to the leading candidate
/// and raises turnout, so the report has something to show. Deterministic for a seed.
/// </summary>
public static class DemoElection
{
    public const string Id = "demo-2019";
    private static readonly string[] Regions = ["Almaty", "Astana", "Karaganda", "Shymkent", "Uralsk", "Aktobe", "Pavlodar"];
    private static readonly string[] Inflated = ["Shymkent", "Uralsk"];

    public static async Task SeedAsync(TestEnvironment environment, int seed)
    {
        var random = new Random(seed);
        var precincts = new StringBuilder("election_id,region,precinct,address,voters_on_list\n");
        var official = new StringBuilder("election_id,region,precinct,field_id,value\n");
        var observed = new List<(PrecinctKey Key, Dictionary<string, long> Values)>();
        foreach (var (region, r) in Regions.Select((region, r) => (region, r)))
        {
            for (var p = 1; p <= 12; p++)
            {
                var number = (100 * (r + 1) + p).ToString(CultureInfo.InvariantCulture);
                var voters = random.Next(600, 2400);
                var values = Protocol(random, voters, turnout: 0.45 + random.NextDouble() * 0.25);
                precincts.Append(CultureInfo.InvariantCulture, $"{Id},{region},{number},\"School {p}, {region}\",{voters}\n");
                var published = new Dictionary<string, long>(values);
                if (Inflated.Contains(region) && random.NextDouble() < 0.6)
                {
                    var added = (long)(voters * (0.05 + random.NextDouble() * 0.2));
                    var moved = Math.Min(published["V1"], (long)(added * 0.3));
                    published["V6"] += added + moved;
                    published["V1"] -= moved;
                    published["L3"] += added;
                    published["L4"] += added;
                    published["L6"] -= added;
                }

                foreach (var (field, value) in published)
                {
                    official.Append(CultureInfo.InvariantCulture, $"{Id},{region},{number},{field},{value}\n");
                }

                if (random.NextDouble() < 0.85 - 0.08 * r)
                {
                    observed.Add((new PrecinctKey(Id, region, number), values));
                }
            }
        }

        var importer = SeededElection.Importer(environment);
        foreach (var (kind, csv) in new[]
                 {
                     (ReferenceDataKind.Elections, $"election_id,form_id,title\n{Id},kz.president.2019,\"Presidential election, 9 June 2019 (generated demo data)\"\n"),
                     (ReferenceDataKind.Precincts, precincts.ToString()), (ReferenceDataKind.Official, official.ToString()),
                 })
        {
            var result = await importer.ImportAsync(kind, new StringReader(csv), CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }

        var consensus = SeededElection.Consensus(environment);
        foreach (var (key, values) in observed)
        {
            await ObserverPhotos.InsertAsync(environment, key, values, 0.9);
            if (random.NextDouble() < 0.3)
            {
                var second = random.NextDouble() < 0.2 ? new Dictionary<string, long>(values) { ["V2"] = values["V2"] + 10 } : values;
                await ObserverPhotos.InsertAsync(environment, key, second, 0.9);
            }

            await consensus.RecomputeAsync(key, CancellationToken.None);
        }
    }

    private static Dictionary<string, long> Protocol(Random random, int voters, double turnout)
    {
        var ballots = (long)voters;
        var issued = (long)(voters * turnout);
        var invalid = (long)(issued * random.NextDouble() * 0.02);
        var valid = issued - invalid;
        double[] weights = [0.03, 0.02, 0.16, 0.03, 0.02, 0.70, 0.04];
        var noisy = weights.Select(w => w * (0.7 + random.NextDouble() * 0.6)).ToArray();
        var votes = noisy.Select(w => (long)(valid * w / noisy.Sum())).ToArray();
        votes[5] += valid - votes.Sum();
        var values = new Dictionary<string, long>
        {
            ["L1"] = voters, ["L2"] = ballots, ["L3"] = issued, ["L4"] = issued, ["L5"] = invalid, ["L6"] = ballots - issued,
        };
        for (var i = 0; i < votes.Length; i++)
        {
            values[$"V{i + 1}"] = votes[i];
        }

        return values;
    }
}
