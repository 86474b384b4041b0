using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Pipeline;

public static class RelationFields
{
    /// <summary>The field ids a relation reads, with group names (sum(V)) expanded to their members.</summary>
    public static IReadOnlyList<string> Of(FormDefinition form, RelationDefinition relation) =>
        ExpressionParser.ParseRelation(relation.Expression).Names()
            .SelectMany(name => form.Groups.FirstOrDefault(group => group.Id == name.Name) is { } group
                ? group.Members.Select(member => member.FieldId)
                : [name.Name])
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The fields some error-level equality of the form reads: the arithmetic can witness their values.</summary>
    public static IReadOnlySet<string> CheckedBySum(FormDefinition form) =>
        form.Relations
            .Where(relation => relation.Severity == RelationSeverity.Error && IsEquality(relation))
            .SelectMany(relation => Of(form, relation))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>An equality pins each of its values: one misread digit breaks it. An inequality lets most misreads through.</summary>
    public static bool IsEquality(RelationDefinition relation) =>
        ExpressionParser.ParseRelation(relation.Expression).Operator == ComparisonOperator.Equal;
}
