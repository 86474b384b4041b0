using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.TestSupport;

/// <summary>
/// A Kazakhstan-2019-like form built in code (reference 1654x2339): a precinct code, lines L1-L6 and seven candidate
/// lines, each a box in the right-hand column; relations as in DOMAIN.md.
/// </summary>
public static class TestForms
{
    public const int FirstRowY = 520;
    public const int RowPitch = 112;
    public const int BoxX = 1130;
    public const int BoxWidth = 400;
    public const int BoxHeight = 84;

    public static FormDefinition Sample { get; } = Build();

    private static FormDefinition Build()
    {
        var ids = new List<string> { "PC", "L1", "L2", "L3", "L4", "L5", "L6" };
        ids.AddRange(Enumerable.Range(1, 7).Select(i => $"V{i}"));
        var fields = ids.Select((id, row) => new FieldDefinition(
                id,
                id == "PC" ? FieldKind.Code : FieldKind.Count,
                new BoxRect(BoxX, FirstRowY + (row * RowPitch), BoxWidth, BoxHeight),
                Label(id == "PC" ? "Precinct number" : $"Line {id}"),
                LineNumber: id))
            .ToList();
        var relations = new List<RelationDefinition>
        {
            new("R1", "L3 <= L1", RelationSeverity.Error),
            new("R2", "L2 == L3 + L6", RelationSeverity.Error),
            new("R3", "L4 <= L3", RelationSeverity.Error),
            new("R4", "L4 == L5 + V1 + V2 + V3 + V4 + V5 + V6 + V7", RelationSeverity.Error),
        };
        return new FormDefinition(
            "test.kz.president", "1", Label("Test protocol"), ["en"], new PageSize(1654, 2339), fields, [], relations);
    }

    private static LocalizedText Label(string english) => new(new Dictionary<string, string> { ["en"] = english });
}
