namespace ProtocolOcr.Core.Relations;

public sealed record UnaryMinusExpression(Expression Operand, int Position) : Expression(Position)
{
    public override decimal? Evaluate(Func<string, IReadOnlyList<long?>?> lookup) => -Operand.Evaluate(lookup);

    public override IEnumerable<NameReference> Names() => Operand.Names();
}
