using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;

namespace ProtocolOcr.Core.Tests.Forms;

public sealed class FormLoaderTests
{
    private static readonly FormDefinition Form = FormLoader.LoadFile(TestData.MinimalForm);

    [Fact]
    public void Reads_identity_languages_and_default_page()
    {
        Assert.Equal(("test.minimal", "1", "Протокол"), (Form.Id, Form.Version, Form.Title["ru"]));
        Assert.Equal(["ru"], Form.Languages);
        Assert.Equal(new PageSize(1654, 2339), Form.ReferenceSize);
        Assert.Empty(Form.Sources!);
    }

    [Fact]
    public void Explicit_box_is_kept_exactly()
    {
        var precinct = Form.Field("PRECINCT");

        Assert.Equal(new BoxRect(800, 100, 200, 64), precinct.Box);
        Assert.Equal(FieldKind.Code, precinct.Kind);
        Assert.Equal(new FieldSynthesis("1", "99"), precinct.Synthesis);
    }

    [Fact]
    public void Fields_without_a_box_take_the_next_rows_and_a_group_heading_takes_one_row()
    {
        // rows: top 200, pitch 80, height 64 -> boxes start 8 px into their row.
        Assert.Equal(new BoxRect(800, 208, 300, 64), Form.Field("L1").Box);
        Assert.Equal(new BoxRect(1150, 208, 400, 64), Form.Field("L1").WordsBox);
        Assert.Equal(new BoxRect(800, 288, 300, 64), Form.Field("L2").Box);
        Assert.Null(Form.Field("L2").WordsBox);
        Assert.Equal(new BoxRect(80, 440, 1470, 80), Form.Groups.Single().HeadingBox);
        Assert.Equal(new BoxRect(800, 528, 300, 64), Form.Field("V1").Box);
        Assert.Equal(new BoxRect(800, 608, 300, 64), Form.Field("V2").Box);
    }

    [Fact]
    public void Group_members_become_numbered_fields_in_ballot_order()
    {
        var group = Form.Groups.Single();

        Assert.Equal("V", group.Id);
        Assert.Equal(["V1", "V2"], group.Members.Select(m => m.FieldId));
        Assert.Equal(["Иванов", "Петров"], group.Members.Select(m => m.Name["ru"]));
        Assert.Equal(("4", "V", FieldKind.Count), (Form.Field("V1").LineNumber, Form.Field("V1").Group, Form.Field("V1").Kind));
        Assert.Equal("5", Form.Field("V2").LineNumber);
    }

    [Fact]
    public void Group_split_becomes_member_hints_that_share_the_total()
    {
        Assert.Equal(new FieldSynthesis(Max: "(L2 - L3)"), Form.Field("V1").Synthesis);
        Assert.Equal(new FieldSynthesis(Derive: "(L2 - L3) - V1"), Form.Field("V2").Synthesis);
    }

    [Fact]
    public void Optional_count_defaults_to_zero()
    {
        var spoiled = Form.Field("L3");

        Assert.True(spoiled.Optional);
        Assert.Equal(0, spoiled.Default);
        Assert.False(Form.Field("L2").Optional);
    }

    [Fact]
    public void Relations_keep_severity_and_tolerance()
    {
        Assert.Equal(
            [
                new RelationDefinition("R1", "L2 <= L1", RelationSeverity.Error),
                new RelationDefinition("R2", "L2 == L3 + sum(V)", RelationSeverity.Error),
                new RelationDefinition("W1", "L2 >= 0.6 * L1", RelationSeverity.Warning, 5),
            ],
            Form.Relations);
    }
}
