using System.Collections.Concurrent;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Core.Relations;

/// <summary>Checks a form's relations against the values read from one protocol.</summary>
public static class RelationEvaluator
{
    private static readonly ConcurrentDictionary<string, RelationExpression> ParsedRelations = new(StringComparer.Ordinal);

    /// <summary>
    /// One check per relation of <paramref name="form"/>, in the form's order. A value absent from
    /// <paramref name="values"/> (or null) is missing; optional fields fall back to their default; a relation that
    /// needs a missing value gets <see cref="RelationCheck.Holds"/> = null and names the missing fields.
    /// </summary>
    /// <exception cref="ExpressionSyntaxException">A relation of a form that was not loaded through the loader is malformed.</exception>
    /// <exception cref="ExpressionEvaluationException">Such a relation names a field the form does not have.</exception>
    public static IReadOnlyList<RelationCheck> CheckAll(FormDefinition form, IReadOnlyDictionary<string, long?> values)
    {
        ArgumentNullException.ThrowIfNull(form);
        var scope = new FormValueScope(form, values);
        return form.Relations.Select(relation => Check(relation, scope)).ToList();
    }

    public static RelationCheck Check(RelationDefinition relation, FormValueScope scope)
    {
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(scope);
        var parsed = ParsedRelations.GetOrAdd(relation.Expression, ExpressionParser.ParseRelation);
        var left = parsed.Left.Evaluate(scope.Lookup);
        var right = parsed.Right.Evaluate(scope.Lookup);
        if (left is null || right is null)
        {
            var missing = scope.MissingValues(parsed.Names());
            return new RelationCheck(
                relation.Id, relation.Expression, relation.Severity, null, $"missing value: {string.Join(", ", missing)}");
        }

        var holds = parsed.Compare(left.Value, right.Value, (decimal)relation.Tolerance);
        var detail = $"{RelationExpression.Format(left.Value)} {RelationExpression.Symbol(parsed.Operator)} " +
            $"{RelationExpression.Format(right.Value)}";
        if (relation.Tolerance > 0)
        {
            detail += $" (tolerance {RelationExpression.Format((decimal)relation.Tolerance)})";
        }

        if (!holds)
        {
            detail += $": does not hold, difference {RelationExpression.Format(left.Value - right.Value)}";
        }

        return new RelationCheck(relation.Id, relation.Expression, relation.Severity, holds, detail);
    }
}
