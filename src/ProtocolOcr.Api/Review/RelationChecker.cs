using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Api.Review;

/// <summary>Checks a form's relations with Core's evaluator, the same one the pipeline uses, on the operator's values.</summary>
public static class RelationChecker
{
    public static IReadOnlyList<RelationView> Check(FormDefinition form, IReadOnlyDictionary<string, long?> values)
    {
        var checks = RelationEvaluator.CheckAll(form, values);
        return form.Relations.Zip(checks, (relation, check) =>
            new RelationView(check.RelationId, check.Expression, check.Holds, check.Detail, FieldsOf(form, relation))).ToList();
    }

    /// <summary>The fields a relation names, directly or through a group (sum of candidates' votes).</summary>
    private static IReadOnlyList<string> FieldsOf(FormDefinition form, RelationDefinition relation)
    {
        var names = ExpressionParser.ParseRelation(relation.Expression).Names().Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        return form.Fields.Where(f => names.Contains(f.Id) || (f.Group is not null && names.Contains(f.Group))).Select(f => f.Id).ToList();
    }
}
