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
}
