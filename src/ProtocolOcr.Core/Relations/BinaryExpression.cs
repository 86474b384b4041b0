namespace ProtocolOcr.Core.Relations;

public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, int Position)
    : Expression(Position)
{
    public override decimal? Evaluate(Func<string, IReadOnlyList<long?>?> lookup)
    {
        // Both sides are evaluated even when one is missing, so unknown names are reported either way.
        var left = Left.Evaluate(lookup);
        var right = Right.Evaluate(lookup);
        if (left is null || right is null)
        {
            return null;
        }

        return Operator switch
        {
            BinaryOperator.Add => left + right,
            BinaryOperator.Subtract => left - right,
            BinaryOperator.Multiply => left * right,
            _ => throw new InvalidOperationException($"Unhandled operator {Operator}."),
        };
    }

    public override IEnumerable<NameReference> Names() => Left.Names().Concat(Right.Names());
}
