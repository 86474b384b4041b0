using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>An error-level relation the arithmetic works with: parsed, with the fields it reads and whether it is an equality.</summary>
public sealed record CheckableRelation(string Id, RelationExpression Expression, decimal Tolerance, IReadOnlySet<string> FieldIds, bool IsEquality)
{
    public bool? Holds(FormValueScope scope) => Expression.Holds(scope.Lookup, Tolerance);
}
