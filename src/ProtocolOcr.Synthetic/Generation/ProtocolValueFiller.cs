using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Synthesis;
using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Synthetic.Generation;

/// <summary>
/// Fills a protocol following the form's synthesis hints, checks that every error relation holds, and, when asked,
/// breaks one on purpose by miscounting a single line, as real commissions sometimes do.
/// </summary>
public static class ProtocolValueFiller
{
    public static FilledValues Fill(FormDefinition form, SynthesisPlan plan, Random random, bool violate)
    {
        var values = new Dictionary<string, long>(plan.Sample(random), StringComparer.Ordinal);
        var broken = BrokenErrorRelations(form, values);
        if (broken.Count > 0)
        {
            throw new InvalidOperationException(
                $"Form '{form.Id}': its synthesis hints gave values that break {string.Join(", ", broken)}; fix the hints.");
        }

        return violate ? Miscount(form, values, random) : new FilledValues(values, []);
    }

    private static FilledValues Miscount(FormDefinition form, Dictionary<string, long> values, Random random)
    {
        var candidates = form.CountFields.Select(field => field.Id).Where(values.ContainsKey).ToArray();
        random.Shuffle(candidates);
        foreach (var fieldId in candidates)
        {
            var original = values[fieldId];
            var step = 1 + random.Next((int)Math.Min(20, Math.Max(1, original / 10)));
            var miscounted = random.NextDouble() < 0.5 && original >= step ? original - step : original + step;
            values[fieldId] = miscounted;
            var broken = BrokenErrorRelations(form, values);
            if (broken.Count > 0)
            {
                return new FilledValues(values, broken);
            }

            values[fieldId] = original;
        }

        return new FilledValues(values, []);
    }

    private static List<string> BrokenErrorRelations(FormDefinition form, Dictionary<string, long> values)
    {
        var readings = values.ToDictionary(pair => pair.Key, pair => (long?)pair.Value, StringComparer.Ordinal);
        return RelationEvaluator.CheckAll(form, readings)
            .Where(check => check.Severity == RelationSeverity.Error && check.Holds == false)
            .Select(check => check.RelationId)
            .ToList();
    }
}
