using System.Globalization;

namespace ProtocolOcr.Core.Relations;

/// <summary>A parsed relation: two numeric expressions and one comparison, such as <c>L4 == L5 + sum(V) + AA</c>.</summary>
public sealed record RelationExpression(string Text, Expression Left, ComparisonOperator Operator, Expression Right)
{
    public IEnumerable<NameReference> Names() => Left.Names().Concat(Right.Names());

    /// <summary>
    /// Whether the relation holds with the given absolute <paramref name="tolerance"/>: <c>a == b</c> holds when
    /// |a - b| &lt;= tolerance, <c>a &lt;= b</c> when a &lt;= b + tolerance, and so on. Null when a value is missing.
    /// </summary>
    public bool? Holds(Func<string, IReadOnlyList<long?>?> lookup, decimal tolerance = 0)
    {
        var left = Left.Evaluate(lookup);
        var right = Right.Evaluate(lookup);
        if (left is null || right is null)
        {
            return null;
        }

        return Compare(left.Value, right.Value, tolerance);
    }

    public bool Compare(decimal left, decimal right, decimal tolerance) => Operator switch
    {
        ComparisonOperator.Equal => Math.Abs(left - right) <= tolerance,
        ComparisonOperator.NotEqual => Math.Abs(left - right) > tolerance,
        ComparisonOperator.LessOrEqual => left <= right + tolerance,
        ComparisonOperator.GreaterOrEqual => left >= right - tolerance,
        ComparisonOperator.Less => left < right + tolerance,
        ComparisonOperator.Greater => left > right - tolerance,
        _ => throw new InvalidOperationException($"Unhandled comparison {Operator}."),
    };

    public static string Symbol(ComparisonOperator comparison) => comparison switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.Greater => ">",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
    };

    internal static string Format(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
