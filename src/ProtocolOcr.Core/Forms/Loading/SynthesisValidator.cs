using ProtocolOcr.Core.Forms.Synthesis;
using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>
/// Every number field needs generator hints; hints must parse, name known fields, have no cycle, and every sample
/// they allow must satisfy every error-level relation (checked on <see cref="SampleCount"/> seeded samples).
/// </summary>
internal sealed class SynthesisValidator(FormDefinition form, SourceMap map, YamlSource source, ExpressionValidator names)
{
    public const int SampleCount = 200;

    public void Check()
    {
        foreach (var field in form.Fields)
        {
            CheckHints(field);
        }

        SynthesisPlan plan;
        try
        {
            plan = SynthesisPlan.Create(form);
        }
        catch (SynthesisException e)
        {
            throw source.Error(map.Hints(e.FieldId), $"synthesis of '{e.FieldId}': {e.Problem}");
        }

        for (var seed = 0; seed < SampleCount; seed++)
        {
            CheckSample(plan, seed);
        }
    }

    private void CheckHints(FieldDefinition field)
    {
        var numeric = field.Kind is FieldKind.Count or FieldKind.Code;
        if (field.Synthesis is not { } hints)
        {
            if (numeric)
            {
                throw source.Error(map.Field(field.Id),
                    $"'{field.Id}' needs synthesis hints (min/max or derive) so test protocols can be generated");
            }

            return;
        }

        if (!numeric)
        {
            throw source.Error(map.Hints(field.Id), $"'{field.Id}' is a {KindNames.Of(field.Kind)} field; only count and code fields take synthesis hints");
        }

        if (hints.Derive is not null && (hints.Min ?? hints.Max) is not null)
        {
            throw source.Error(map.Hints(field.Id), $"synthesis of '{field.Id}': give either derive or min/max, not both");
        }

        if (hints.Derive is null && hints.Max is null)
        {
            throw source.Error(map.Hints(field.Id), $"synthesis of '{field.Id}': needs max (with an optional min) or derive");
        }

        foreach (var (hint, text) in new[] { ("min", hints.Min), ("max", hints.Max), ("derive", hints.Derive) })
        {
            if (text is not null)
            {
                names.CheckHint(field.Id, hint, text, map.Hint(field.Id, hint));
            }
        }
    }

    private void CheckSample(SynthesisPlan plan, int seed)
    {
        IReadOnlyDictionary<string, long> sample;
        try
        {
            sample = plan.Sample(new Random(seed));
        }
        catch (SynthesisException e)
        {
            throw source.Error(map.Hints(e.FieldId), $"synthesis of '{e.FieldId}': {e.Problem} (sample seed {seed})");
        }

        var values = sample.ToDictionary(v => v.Key, v => (long?)v.Value, StringComparer.Ordinal);
        var broken = RelationEvaluator.CheckAll(form, values)
            .FirstOrDefault(c => c.Severity == RelationSeverity.Error && c.Holds == false);
        if (broken is null)
        {
            return;
        }

        var relation = ExpressionParser.ParseRelation(broken.Expression);
        var involved = relation.Names()
            .SelectMany(n => form.Groups.FirstOrDefault(g => g.Id == n.Name)?.Members.Select(m => m.FieldId) ?? [n.Name])
            .Distinct(StringComparer.Ordinal)
            .Select(id => $"{id}={sample[id]}");
        throw source.Error(map.Relation(broken.RelationId).Node,
            $"synthesis hints can break error relation '{broken.RelationId}' ({broken.Detail}) with " +
            $"{string.Join(", ", involved)} (sample seed {seed})");
    }
}
