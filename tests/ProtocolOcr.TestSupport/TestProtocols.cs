namespace ProtocolOcr.TestSupport;

/// <summary>Field values for test pages. <see cref="Consistent"/> satisfies every relation of <see cref="TestForms.Sample"/>.</summary>
public static class TestProtocols
{
    public static IReadOnlyDictionary<string, long> Consistent { get; } = new Dictionary<string, long>
    {
        ["PC"] = 418,
        ["L1"] = 1523,
        ["L2"] = 1538,
        ["L3"] = 1206,
        ["L4"] = 1204,
        ["L5"] = 17,
        ["L6"] = 332,
        ["V1"] = 46,
        ["V2"] = 93,
        ["V3"] = 285,
        ["V4"] = 8,
        ["V5"] = 61,
        ["V6"] = 690,
        ["V7"] = 4,
    };

    /// <summary>The consistent protocol with V3 changed, so that L4 == L5 + sum(V) (relation R4) fails.</summary>
    public static IReadOnlyDictionary<string, long> BreakingR4 { get; } =
        new Dictionary<string, long>(Consistent) { ["V3"] = 295 };

    /// <summary>A random protocol of <see cref="TestForms.Sample"/> that satisfies its relations.</summary>
    public static IReadOnlyDictionary<string, long> Random(int seed)
    {
        var random = new Random(seed);
        long voters = random.Next(300, 3000);
        long issued = random.Next((int)(voters * 0.4), (int)voters + 1);
        long unused = random.Next(0, 60);
        long tookPart = issued - random.Next(0, 3);
        long invalid = random.Next(0, 30);
        var weights = Enumerable.Range(0, 7).Select(_ => random.NextDouble() + 0.05).ToArray();
        long toShare = tookPart - invalid;
        var votes = weights.Select(w => (long)(toShare * w / weights.Sum())).ToArray();
        votes[^1] += toShare - votes.Sum();
        var values = new Dictionary<string, long>
        {
            ["PC"] = random.Next(1, 1000),
            ["L1"] = voters,
            ["L2"] = issued + unused,
            ["L3"] = issued,
            ["L4"] = tookPart,
            ["L5"] = invalid,
            ["L6"] = unused,
        };
        for (int i = 0; i < votes.Length; i++)
        {
            values[$"V{i + 1}"] = votes[i];
        }

        return values;
    }
}
