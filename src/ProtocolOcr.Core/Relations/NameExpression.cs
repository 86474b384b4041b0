namespace ProtocolOcr.Core.Relations;

/// <summary>A field id (<c>L1</c>) used as a single value.</summary>
public sealed record NameExpression(string Name, int Position) : Expression(Position)
{
    public override decimal? Evaluate(Func<string, IReadOnlyList<long?>?> lookup)
    {
        var values = Values(lookup);
        if (values.Count != 1)
        {
            throw new ExpressionEvaluationException(
                $"'{Name}' is a group of {values.Count} values; use it inside sum(), max() or min()", Position);
        }

        return values[0];
    }

    public override IEnumerable<NameReference> Names() => [new NameReference(Name, Position, AsAggregate: false)];

    /// <summary>All values behind the name (a group's members), as an aggregate function sees them.</summary>
    internal IReadOnlyList<long?> Values(Func<string, IReadOnlyList<long?>?> lookup) =>
        lookup(Name) ?? throw new ExpressionEvaluationException($"unknown name '{Name}'", Position);
}
