namespace ProtocolOcr.Infrastructure.Downstream.Import;

public static class ReferenceDataKinds
{
    public static IReadOnlyList<string> Names { get; } = ["elections", "precincts", "official"];

    public static bool TryParse(string name, out ReferenceDataKind kind)
    {
        switch (name)
        {
            case "elections":
                kind = ReferenceDataKind.Elections;
                return true;
            case "precincts":
                kind = ReferenceDataKind.Precincts;
                return true;
            case "official":
                kind = ReferenceDataKind.Official;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
