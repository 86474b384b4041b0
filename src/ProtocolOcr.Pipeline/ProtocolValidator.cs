using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Pipeline;

/// <summary>Stage 6: checks the form's relations on the values read and finds which fields each broken error relation involves.</summary>
public sealed class ProtocolValidator
{
    public ValidationReport Validate(FormDefinition form, IReadOnlyList<FieldReading> readings)
    {
        var values = readings.ToDictionary(reading => reading.FieldId, reading => reading.Value, StringComparer.Ordinal);
        var checks = RelationEvaluator.CheckAll(form, values);
        var relations = form.Relations.ToDictionary(relation => relation.Id, StringComparer.Ordinal);
        var errors = checks.Where(check => check.Severity == RelationSeverity.Error).ToList();
        return new ValidationReport(
            checks,
            ByField(form, errors.Where(check => check.Holds == false), relations),
            ByField(form, errors.Where(check => check.Holds is null), relations),
            ByField(form, errors.Where(check => check.Holds == true && RelationFields.IsEquality(relations[check.RelationId])), relations)
                .Keys.ToHashSet(StringComparer.Ordinal));
    }

    private static Dictionary<string, IReadOnlyList<string>> ByField(
        FormDefinition form, IEnumerable<RelationCheck> checks, IReadOnlyDictionary<string, RelationDefinition> relations) =>
        checks
            .SelectMany(check => RelationFields.Of(form, relations[check.RelationId]).Select(fieldId => (fieldId, check.RelationId)))
            .GroupBy(pair => pair.fieldId, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyList<string>)group.Select(pair => pair.RelationId).Distinct().ToList(),
                StringComparer.Ordinal);
}
