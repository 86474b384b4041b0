using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// An error relation written as <c>Constant + sum(Coefficients[i] * value[i])</c> compared with zero, over the fields the
/// search varies (every other value folded into the constant). The forms' error relations are sums and differences, so
/// checking one hypothesis is a few additions instead of an expression walk, and the sums of partial values can be tabled.
/// </summary>
public sealed class LinearRelation
{
    private readonly RelationExpression _expression;
    private readonly decimal _tolerance;

    private LinearRelation(CheckableRelation relation, long constant, long[] coefficients)
    {
        Relation = relation;
        _expression = relation.Expression;
        _tolerance = relation.Tolerance;
        Tolerance = (long)decimal.Truncate(relation.Tolerance);
        Constant = constant;
        Coefficients = coefficients;
        Fields = Enumerable.Range(0, coefficients.Length).Where(index => coefficients[index] != 0).ToArray();
    }

    public CheckableRelation Relation { get; }

    public long Constant { get; }

    public IReadOnlyList<long> Coefficients { get; }

    /// <summary>The relation's tolerance in whole units (the sums of counts it compares are whole).</summary>
    public long Tolerance { get; }

    /// <summary>The indexes of the varied fields the relation reads.</summary>
    public IReadOnlyList<int> Fields { get; }

    public bool IsEquality => Relation.IsEquality;

    /// <summary>
    /// The relation as a linear form over <paramref name="fieldIds"/>, measured by evaluating it at zero, at each unit
    /// vector and at one more point that must agree; null when it is not linear in them (a function such as ceil) or its
    /// coefficients are not whole.
    /// Restores <paramref name="values"/>.
    /// </summary>
    public static LinearRelation? Of(CheckableRelation relation, IReadOnlyList<string> fieldIds, IDictionary<string, long?> values, FormValueScope scope)
    {
        var saved = fieldIds.Select(fieldId => values[fieldId]).ToArray();
        try
        {
            decimal? At(Func<int, long> valueOf)
            {
                for (var index = 0; index < fieldIds.Count; index++)
                {
                    values[fieldIds[index]] = valueOf(index);
                }

                return relation.Expression.Left.Evaluate(scope.Lookup) - relation.Expression.Right.Evaluate(scope.Lookup);
            }

            if (At(_ => 0) is not { } constant)
            {
                return null;
            }

            var coefficients = new decimal[fieldIds.Count];
            for (var field = 0; field < fieldIds.Count; field++)
            {
                if (At(index => index == field ? 1 : 0) is not { } unit)
                {
                    return null;
                }

                coefficients[field] = unit - constant;
            }

            var probe = At(index => 37 + (13 * index));
            var expected = constant + coefficients.Select((coefficient, index) => coefficient * (37 + (13 * index))).Sum();
            return probe == expected && IsWhole(constant) && coefficients.All(IsWhole)
                ? new LinearRelation(relation, (long)constant, coefficients.Select(coefficient => (long)coefficient).ToArray())
                : null;
        }
        finally
        {
            for (var index = 0; index < fieldIds.Count; index++)
            {
                values[fieldIds[index]] = saved[index];
            }
        }
    }

    /// <summary>Whether the relation holds with these values; null when a value it reads is unknown.</summary>
    public bool? Holds(long?[] values)
    {
        decimal difference = Constant;
        foreach (var field in Fields)
        {
            if (values[field] is not { } value)
            {
                return null;
            }

            difference += Coefficients[field] * value;
        }

        return _expression.Compare(difference, 0, _tolerance);
    }

    private static bool IsWhole(decimal number) => number == decimal.Truncate(number);
}
