using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Core.Tests.Relations;

public sealed class RelationEvaluatorTests
{
    private static readonly FormDefinition Form = BuildForm();

    private static Dictionary<string, long?> ConsistentValues() => new()
    {
        ["L1"] = 1000, ["L2"] = 1010, ["L3"] = 800, ["L4"] = 790, ["L5"] = 10, ["L6"] = 210,
        ["V1"] = 500, ["V2"] = 200, ["V3"] = 75, ["AA"] = 5,
    };

    [Fact]
    public void Every_relation_holds_on_a_consistent_protocol()
    {
        var checks = RelationEvaluator.CheckAll(Form, ConsistentValues());

        Assert.Equal(["R1", "R2", "R3", "R4", "W1", "W2"], checks.Select(c => c.RelationId));
        Assert.All(checks, c => Assert.True(c.Holds, $"{c.RelationId}: {c.Detail}"));
        Assert.Equal("790 == 790", checks.Single(c => c.RelationId == "R4").Detail);
    }

    [Fact]
    public void A_broken_sum_fails_with_its_difference()
    {
        var values = ConsistentValues();
        values["V2"] = 210;

        var check = RelationEvaluator.CheckAll(Form, values).Single(c => c.RelationId == "R4");

        Assert.False(check.Holds);
        Assert.Equal(RelationSeverity.Error, check.Severity);
        Assert.Equal("790 == 800: does not hold, difference -10", check.Detail);
    }

    [Fact]
    public void Missing_required_value_gives_unknown_and_names_it()
    {
        var values = ConsistentValues();
        values["V2"] = null;
        values.Remove("L5");

        var checks = RelationEvaluator.CheckAll(Form, values);
        var sum = checks.Single(c => c.RelationId == "R4");

        Assert.Null(sum.Holds);
        Assert.Equal("missing value: L5, V2", sum.Detail);
        Assert.True(checks.Single(c => c.RelationId == "R1").Holds);
    }

    [Fact]
    public void Missing_optional_value_uses_the_default()
    {
        var values = ConsistentValues();
        values.Remove("AA");
        values["V3"] = 80;

        var check = RelationEvaluator.CheckAll(Form, values).Single(c => c.RelationId == "R4");

        Assert.True(check.Holds, check.Detail);
    }

    [Fact]
    public void Warning_tolerance_is_absolute_slack()
    {
        var values = ConsistentValues();
        values["L4"] = 775;
        values["V1"] = 485;

        var checks = RelationEvaluator.CheckAll(Form, values);
        var taken = checks.Single(c => c.RelationId == "W1");

        Assert.True(checks.Single(c => c.RelationId == "R4").Holds);
        Assert.False(taken.Holds);
        Assert.Equal(RelationSeverity.Warning, taken.Severity);
        Assert.Equal("25 <= 10 (tolerance 5): does not hold, difference 15", taken.Detail);
    }

    [Fact]
    public void Ballots_received_beyond_the_reserve_is_a_warning()
    {
        var values = ConsistentValues();
        values["L2"] = 1020;
        values["L6"] = 220;

        var checks = RelationEvaluator.CheckAll(Form, values);

        Assert.True(checks.Single(c => c.RelationId == "R2").Holds);
        Assert.False(checks.Single(c => c.RelationId == "W2").Holds);
    }

    [Fact]
    public void A_relation_naming_an_unknown_field_is_reported()
    {
        var form = Form with { Relations = [new RelationDefinition("X", "L1 >= L42", RelationSeverity.Error)] };

        var error = Assert.Throws<ExpressionEvaluationException>(() => RelationEvaluator.CheckAll(form, ConsistentValues()));

        Assert.Contains("L42", error.Message, StringComparison.Ordinal);
    }

    private static FormDefinition BuildForm()
    {
        var label = LocalizedText.Empty;
        FieldDefinition Count(string id, int row, bool optional = false, string? group = null) =>
            new(id, FieldKind.Count, new BoxRect(1000, 100 + row * 80, 300, 64), label,
                Optional: optional, Default: optional ? 0 : null, Group: group);

        var fields = new List<FieldDefinition>
        {
            Count("L1", 0), Count("L2", 1), Count("L3", 2), Count("L4", 3), Count("L5", 4), Count("L6", 5),
            Count("V1", 6, group: "V"), Count("V2", 7, group: "V"), Count("V3", 8, group: "V"),
            Count("AA", 9, optional: true),
        };
        var group = new FieldGroup("V", label, [new("V1", label), new("V2", label), new("V3", label)]);
        return new FormDefinition(
            "test.form", "1", label, ["ru"], new PageSize(1654, 2339), fields, [group],
            [
                new("R1", "L3 <= L1", RelationSeverity.Error),
                new("R2", "L2 == L3 + L6", RelationSeverity.Error),
                new("R3", "L4 <= L3", RelationSeverity.Error),
                new("R4", "L4 == L5 + sum(V) + AA", RelationSeverity.Error),
                new("W1", "L3 - L4 <= 10", RelationSeverity.Warning, Tolerance: 5),
                new("W2", "L2 <= ceil(1.01 * L1) + 5", RelationSeverity.Warning),
            ]);
    }
}
