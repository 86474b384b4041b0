using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Core.Tests.Relations;

public sealed class ExpressionParserTests
{
    private static readonly Dictionary<string, long?[]> Values = new()
    {
        ["L1"] = [1000],
        ["L3"] = [800],
        ["L4"] = [790],
        ["L5"] = [10],
        ["AA"] = [5],
        ["V"] = [500, 200, 75],
    };

    private static IReadOnlyList<long?>? Lookup(string name) => Values.TryGetValue(name, out var v) ? v : null;

    [Theory]
    [InlineData("2 + 3 * 4", 14)]
    [InlineData("(2 + 3) * 4", 20)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("10 - (4 - 3)", 9)]
    [InlineData("-2 * 3 + 10", 4)]
    [InlineData("- -5", 5)]
    [InlineData("2 * -3", -6)]
    [InlineData("L1 - L3 * 2 + 1", -599)]
    [InlineData("0.4 * L1", 400)]
    [InlineData("ceil(1.01 * L1) + 5", 1015)]
    [InlineData("ceil(1.001 * 999)", 1000)]
    [InlineData("floor(2.7)", 2)]
    [InlineData("ceil(1.01 * 300)", 303)]
    [InlineData("ceil(1.1 * 30)", 33)]
    [InlineData("abs(L5 - L4)", 780)]
    [InlineData("sum(V)", 775)]
    [InlineData("sum(V) + AA", 780)]
    [InlineData("sum(V, AA, 1)", 781)]
    [InlineData("max(V)", 500)]
    [InlineData("min(V)", 75)]
    [InlineData("max(2, 0.005 * L3)", 4)]
    [InlineData("max(20, 0.005 * L3)", 20)]
    [InlineData("  L1\t*2 ", 2000)]
    public void Evaluates_with_arithmetic_precedence(string text, double expected)
    {
        Assert.Equal((decimal)expected, ExpressionParser.Parse(text).Evaluate(Lookup));
    }

    [Fact]
    public void Lists_names_and_marks_group_arguments_of_aggregates()
    {
        var names = ExpressionParser.ParseRelation("L4 == L5 + sum(V) + max(AA, L1 * 0)").Names().ToList();

        Assert.Equal(["L4", "L5", "V", "AA", "L1"], names.Select(n => n.Name));
        Assert.Equal([false, false, true, true, false], names.Select(n => n.AsAggregate));
        Assert.Equal(15, names.Single(n => n.Name == "V").Position);
    }

    [Fact]
    public void Missing_value_makes_the_result_null()
    {
        var expression = ExpressionParser.Parse("L1 + X");

        Assert.Null(expression.Evaluate(name => name == "X" ? [null] : Lookup(name)));
    }

    [Fact]
    public void Missing_group_member_makes_the_sum_null()
    {
        var expression = ExpressionParser.Parse("sum(V)");

        Assert.Null(expression.Evaluate(name => name == "V" ? [1, null, 3] : Lookup(name)));
    }

    [Fact]
    public void Unknown_name_is_reported_with_its_position()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => ExpressionParser.Parse("L1 + L99").Evaluate(Lookup));

        Assert.Equal(5, error.Position);
        Assert.Contains("unknown name 'L99'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_used_as_a_single_value_is_an_error()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => ExpressionParser.Parse("L1 - V").Evaluate(Lookup));

        Assert.Contains("group", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Position);
    }

    [Theory]
    [InlineData("L1 +", 4, "expected a number, a name or '('")]
    [InlineData("", 0, "expected a number, a name or '('")]
    [InlineData("(L1 + 2", 7, "expected ')'")]
    [InlineData("L1 + # 2", 5, "unexpected '#'")]
    [InlineData("L1 L2", 3, "unexpected 'L'")]
    [InlineData("avg(V)", 0, "unknown function 'avg'")]
    [InlineData("1 + ceil(L1, L3)", 4, "ceil() takes exactly one argument, got 2")]
    [InlineData("1.2.3 + L1", 0, "bad number '1.2.3'")]
    [InlineData("L1 <= L3", 3, "unexpected comparison '<'")]
    [InlineData("sum(V", 5, "expected ')'")]
    public void Syntax_errors_name_the_problem_and_position(string text, int position, string problem)
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.Contains($"at position {position + 1}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("L1 + L3", 7, "expected a comparison")]
    [InlineData("L1 = L3", 3, "unexpected '='")]
    [InlineData("L3 <= L1 <= 5", 9, "unexpected comparison '<'")]
    [InlineData("<= L1", 0, "unexpected '<'")]
    public void Relation_needs_exactly_one_top_level_comparison(string text, int position, string problem)
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.ParseRelation(text));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("L3 <= L1", 0, true)]
    [InlineData("L1 <= L3", 0, false)]
    [InlineData("L1 >= L3", 0, true)]
    [InlineData("L4 == L5 + sum(V) + AA", 0, true)]
    [InlineData("L4 == L5 + sum(V)", 0, false)]
    [InlineData("L4 == L5 + sum(V)", 4, false)]
    [InlineData("L4 == L5 + sum(V)", 5, true)]
    [InlineData("L5 + sum(V) == L4", 5, true)]
    [InlineData("L3 <= L4", 9, false)]
    [InlineData("L3 <= L4", 10, true)]
    [InlineData("L4 >= L3", 10, true)]
    [InlineData("L1 != L3", 0, true)]
    [InlineData("L1 < L1", 0, false)]
    [InlineData("L1 < L1", 1, true)]
    [InlineData("L1 > L3", 0, true)]
    [InlineData("L1 * 1.01 == 1010", 0, true)]
    public void Relation_holds_within_tolerance(string text, int tolerance, bool expected)
    {
        Assert.Equal(expected, ExpressionParser.ParseRelation(text).Holds(Lookup, tolerance));
    }

    [Fact]
    public void Relation_with_a_missing_value_neither_holds_nor_fails()
    {
        var relation = ExpressionParser.ParseRelation("L3 <= L1");

        Assert.Null(relation.Holds(name => name == "L1" ? [null] : Lookup(name)));
    }
}
