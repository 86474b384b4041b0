namespace ProtocolOcr.Core.Relations;

public sealed record NumberExpression(decimal Value, int Position) : Expression(Position)
{
    public override decimal? Evaluate(Func<string, IReadOnlyList<long?>?> lookup) => Value;

    public override IEnumerable<NameReference> Names() => [];
}
