using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Core.Forms.Synthesis;

/// <summary>
/// Fills a form with values by following its <see cref="FieldSynthesis"/> hints in dependency order: a field whose
/// hints name other fields is filled after them. A drawn value is uniform over [ceil(min), floor(max)] (min defaults
/// to 0, counts never go below 0); a derived value is its expression rounded to the nearest whole number.
/// Fields without hints (text, signature, stamp) are not filled. The loader checks that samples satisfy every
/// error-level relation, so the generator can rely on it.
/// </summary>
public sealed class SynthesisPlan
{
    private readonly IReadOnlyList<SynthesisStep> _steps;
    private readonly IReadOnlyDictionary<string, FieldGroup> _groups;

    private SynthesisPlan(IReadOnlyList<SynthesisStep> steps, IReadOnlyDictionary<string, FieldGroup> groups)
    {
        _steps = steps;
        _groups = groups;
    }

    /// <summary>Field ids in the order they are filled.</summary>
    public IReadOnlyList<string> Order => _steps.Select(s => s.Field.Id).ToList();

    /// <exception cref="SynthesisException">A hint is malformed, names an unknown field, or the hints form a cycle.</exception>
    public static SynthesisPlan Create(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var groups = form.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var steps = form.Fields
            .Where(f => f.Synthesis is not null)
            .ToDictionary(f => f.Id, ParseStep, StringComparer.Ordinal);
        var ordered = new SynthesisOrdering(steps, groups, form.Fields.Select(f => f.Id)).Run();
        return new SynthesisPlan(ordered, groups);
    }

    /// <summary>One set of values for every field with hints.</summary>
    /// <exception cref="SynthesisException">A range turned out empty for the values drawn before it.</exception>
    public IReadOnlyDictionary<string, long> Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        IReadOnlyList<long?>? Lookup(string name) =>
            _groups.TryGetValue(name, out var group)
                ? group.Members.Select(m => Known(values, m.FieldId)).ToList()
                : [Known(values, name)];

        foreach (var step in _steps)
        {
            values[step.Field.Id] = Next(step, Lookup, random);
        }

        return values;
    }

    private static long Next(SynthesisStep step, Func<string, IReadOnlyList<long?>?> lookup, Random random)
    {
        if (step.Derive is not null)
        {
            var derived = (long)Math.Round(Evaluate(step, step.Derive, lookup), MidpointRounding.AwayFromZero);
            if (derived < 0 && step.Field.Kind == FieldKind.Count)
            {
                throw new SynthesisException(step.Field.Id, $"derived value {derived} is negative");
            }

            return derived;
        }

        var low = step.Min is null ? 0 : (long)Math.Ceiling(Evaluate(step, step.Min, lookup));
        var high = (long)Math.Floor(Evaluate(step, step.Max!, lookup));
        if (step.Field.Kind == FieldKind.Count)
        {
            low = Math.Max(low, 0);
        }

        if (low > high)
        {
            throw new SynthesisException(step.Field.Id, $"empty range {low}..{high}");
        }

        return random.NextInt64(low, high + 1);
    }

    private static decimal Evaluate(SynthesisStep step, Expression expression, Func<string, IReadOnlyList<long?>?> lookup) =>
        expression.Evaluate(lookup)
        ?? throw new SynthesisException(step.Field.Id, "a hint needs a value that was not filled before it");

    private static long? Known(Dictionary<string, long> values, string fieldId) =>
        values.TryGetValue(fieldId, out var value) ? value : null;

    private static SynthesisStep ParseStep(FieldDefinition field)
    {
        var hints = field.Synthesis!;
        if (hints.Derive is not null && (hints.Min is not null || hints.Max is not null))
        {
            throw new SynthesisException(field.Id, "give either derive or min/max, not both");
        }

        if (hints.Derive is null && hints.Max is null)
        {
            throw new SynthesisException(field.Id, "needs max (with an optional min) or derive");
        }

        return new SynthesisStep(field, Parse(field, hints.Min), Parse(field, hints.Max), Parse(field, hints.Derive));
    }

    private static Expression? Parse(FieldDefinition field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return ExpressionParser.Parse(text);
        }
        catch (ExpressionSyntaxException e)
        {
            throw new SynthesisException(field.Id, e.Message);
        }
    }
}
