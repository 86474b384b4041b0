using System.Globalization;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// Arithmetic as a second witness. Each field of a checkable error relation may hold one of the values the engines
/// listed or a value they did not list (<see cref="FieldOption"/>); the search visits these hypotheses in order of
/// falling probability, solves an unlisted value from an equality it is alone in (a misread field is recomputed from the
/// others), and keeps the hypotheses under which every error relation holds. Each field gets the value of the most
/// probable one with its posterior against every competing hypothesis: other consistent hypotheses that give it
/// another value, and, when the values as read break a relation, "read right, the protocol itself is wrong"
/// (<see cref="ArithmeticSettings.InconsistentProtocolPrior"/>), which speaks for the values read. So one misread digit
/// that a sum repairs is corrected, two equally likely repairs are not, a protocol that breaks its own arithmetic keeps
/// its values, and the fields that no likely repair touches are vouched for even while their relation fails.
/// Relations that cannot be checked (a value missing) take no part; the search uses the relations that are linear (sums).
/// </summary>
public sealed class ArithmeticCorrector
{
    private readonly ArithmeticSettings _settings;

    public ArithmeticCorrector(ArithmeticSettings settings) => _settings = settings;

    public IReadOnlyList<ArithmeticVerdict> Judge(FormDefinition form, IReadOnlyList<FieldReading> readings)
    {
        var values = readings.ToDictionary(reading => reading.FieldId, reading => reading.Value, StringComparer.Ordinal);
        var scope = new FormValueScope(form, values);
        var relations = CheckableRelations(form, scope);
        if (relations.Count == 0)
        {
            return [];
        }

        var readingsById = readings.ToDictionary(reading => reading.FieldId, StringComparer.Ordinal);
        var beliefs = relations
            .SelectMany(relation => relation.FieldIds)
            .Distinct(StringComparer.Ordinal)
            .Select(readingsById.GetValueOrDefault)
            .OfType<FieldReading>()
            .Where(reading => reading.Value is not null)
            .Select(reading => FieldBelief.From(reading, _settings.UnlistedFloor, _settings.ListedShareOfDoubt))
            .ToList();
        var failingAsRead = relations.Where(relation => relation.Holds(scope) == false).ToList();
        var fieldIds = beliefs.Select(belief => belief.FieldId).ToList();
        var linear = relations
            .Select(relation => LinearRelation.Of(relation, fieldIds, values, scope))
            .OfType<LinearRelation>()
            .ToList();
        if (linear.Count == 0 || Consistent(beliefs, linear) is not { } consistent)
        {
            return [];
        }

        var inconsistentProtocol = failingAsRead.Count == 0
            ? 0
            : _settings.InconsistentProtocolPrior * beliefs.Aggregate(1.0, (product, belief) => product * belief.ProbabilityOfValueRead);
        var total = consistent.Total + inconsistentProtocol;
        var verdicts = new List<ArithmeticVerdict>(beliefs.Count);
        for (var field = 0; field < beliefs.Count; field++)
        {
            var belief = beliefs[field];
            if (total <= 0 || consistent.Marginals[field].Count == 0)
            {
                continue;
            }

            var (value, mass) = consistent.Marginals[field].MaxBy(pair => pair.Value);
            var posterior = (mass + (value == belief.ValueRead ? inconsistentProtocol : 0)) / total;
            var pinned = linear.Any(relation => relation.IsEquality && relation.Fields.Contains(field));
            var corrects = value == belief.ValueRead
                ? []
                : failingAsRead.Where(relation => relation.FieldIds.Contains(belief.FieldId)).Select(relation => relation.Id).ToList();
            // Only an equality is a witness: a field that inequalities alone check keeps its own reading's word.
            verdicts.Add(new ArithmeticVerdict(
                belief.FieldId, value, posterior, pinned && posterior >= _settings.AcceptPosterior, corrects, consistent.Total / total));
        }

        return verdicts;
    }

    /// <summary>The readings with every trusted correction's value in place of the value read.</summary>
    public static IReadOnlyList<FieldReading> ApplyCorrections(IReadOnlyList<FieldReading> readings, IReadOnlyList<ArithmeticVerdict> verdicts)
    {
        var corrections = verdicts.Where(verdict => verdict.Trusted && verdict.IsCorrection).ToDictionary(verdict => verdict.FieldId, StringComparer.Ordinal);
        return readings
            .Select(reading => corrections.TryGetValue(reading.FieldId, out var correction)
                ? reading with
                {
                    Value = correction.Value,
                    Text = correction.Value.ToString(CultureInfo.InvariantCulture),
                    Confidence = correction.Posterior,
                    Correction = ReviewReasons.CorrectedByRelation(correction.CorrectedBy),
                    Alternatives = reading.Value is { } read
                        ? [new ValueAlternative(read, reading.Confidence), .. reading.Alternatives.Where(alternative => alternative.Value != correction.Value)]
                        : reading.Alternatives,
                }
                : reading)
            .ToList();
    }

    /// <summary>The error-level relations that can be checked on the values read (none of their values missing).</summary>
    private static List<CheckableRelation> CheckableRelations(FormDefinition form, FormValueScope scope) =>
        form.Relations
            .Where(relation => relation.Severity == RelationSeverity.Error)
            .Select(relation => new CheckableRelation(
                relation.Id,
                ExpressionParser.ParseRelation(relation.Expression),
                (decimal)relation.Tolerance,
                RelationFields.Of(form, relation).ToHashSet(StringComparer.Ordinal),
                RelationFields.IsEquality(relation)))
            .Where(relation => relation.Holds(scope) is not null)
            .ToList();

    /// <summary>
    /// The probability mass of the hypotheses under which every relation holds, split by each field's value. The fields
    /// that several relations share (L3, L4) are enumerated; for each of their combinations the relations fall apart
    /// into independent blocks of private fields (<see cref="RelationBlock"/>). A shared field's unlisted value is left
    /// unknown: each equality it is in then weighs <see cref="ArithmeticSettings.Coincidence"/> and constrains nothing.
    /// Null when the shared fields have more combinations than <see cref="ArithmeticSettings.MaxAssignments"/>.
    /// </summary>
    private ConsistentMass? Consistent(IReadOnlyList<FieldBelief> beliefs, IReadOnlyList<LinearRelation> relations)
    {
        var uses = new int[beliefs.Count];
        foreach (var field in relations.SelectMany(relation => relation.Fields))
        {
            uses[field]++;
        }

        var shared = Enumerable.Range(0, beliefs.Count).Where(field => uses[field] > 1).ToList();
        var options = shared.Select(field => beliefs[field].Options()).ToList();
        if (options.Aggregate(1.0, (product, list) => product * list.Count) > _settings.MaxAssignments)
        {
            return null;
        }

        var tables = new Dictionary<LinearRelation, SumTables>();
        SumTables Tables(LinearRelation relation, List<int> own) =>
            tables.TryGetValue(relation, out var known)
                ? known
                : tables[relation] = new SumTables(beliefs, own, own.Select(field => relation.Coefficients[field]).ToList(), _settings.Misreads);

        var unlistedShared = shared.Select(field => UnlistedSharedWeight(beliefs, relations, field)).ToList();
        var marginals = beliefs.Select(_ => new Dictionary<long, double>()).ToList();
        var total = 0.0;
        var values = new long?[beliefs.Count];
        var choice = new int[shared.Count];
        while (true)
        {
            var weight = 1.0;
            for (var index = 0; index < shared.Count; index++)
            {
                var option = options[index][choice[index]];
                values[shared[index]] = option.Value;
                weight *= option.Probability * (option.IsUnlisted ? unlistedShared[index] : 1);
            }

            var blocks = new List<RelationBlock>();
            foreach (var relation in relations)
            {
                var own = relation.Fields.Where(field => uses[field] == 1).ToList();
                var unknownShared = relation.Fields.Any(field => uses[field] > 1 && values[field] is null);
                if (own.Count == 0)
                {
                    weight *= unknownShared || relation.Holds(values) != false ? 1 : 0;
                    continue;
                }

                blocks.Add(unknownShared ? RelationBlock.Unconstrained(beliefs, own)
                    : relation.IsEquality ? Tables(relation, own).Block(
                        relation.Constant + relation.Fields.Where(field => uses[field] > 1).Sum(field => relation.Coefficients[field] * values[field]!.Value),
                        relation.Tolerance, _settings.Coincidence)
                    : RelationBlock.Enumerated(beliefs, own, relation.Holds, values));
            }

            var mass = blocks.Aggregate(weight, (product, block) => product * block.Mass);
            if (mass > 0)
            {
                total += mass;
                foreach (var field in shared.Where(field => values[field] is not null))
                {
                    marginals[field][values[field]!.Value] = marginals[field].GetValueOrDefault(values[field]!.Value) + mass;
                }

                foreach (var block in blocks)
                {
                    foreach (var (field, byValue) in block.Marginals)
                    {
                        foreach (var (value, share) in byValue)
                        {
                            marginals[field][value] = marginals[field].GetValueOrDefault(value) + (mass * share / block.Mass);
                        }
                    }
                }
            }

            var position = 0;
            while (position < shared.Count && ++choice[position] == options[position].Count)
            {
                choice[position++] = 0;
            }

            if (position == shared.Count)
            {
                return new ConsistentMass(total, marginals);
            }
        }
    }

    /// <summary>
    /// How likely the equalities a shared field is in hold when its value is one the engines did not list: the first
    /// needs the value that the others, as read or with one of them at an alternative, leave it
    /// (<see cref="UnlistedRepairs"/>, weighed as a misread of the value read); each further one holds by
    /// <see cref="ArithmeticSettings.Coincidence"/>.
    /// </summary>
    private double UnlistedSharedWeight(IReadOnlyList<FieldBelief> beliefs, IReadOnlyList<LinearRelation> relations, int field)
    {
        var equalities = relations.Where(relation => relation.IsEquality && relation.Fields.Contains(field)).ToList();
        if (equalities.Count == 0)
        {
            return 1;
        }

        var first = equalities[0];
        var repairs = new UnlistedRepairs(beliefs, first.Fields, first.Fields.Select(member => first.Coefficients[member]).ToList(), _settings.Misreads);
        return repairs.IfUnlisted(first.Fields.ToList().IndexOf(field), first.Constant, first.Tolerance, _settings.Coincidence)
            * Math.Pow(_settings.Coincidence, equalities.Count - 1);
    }

    /// <summary>The mass of every consistent hypothesis (<see cref="Total"/>) and its split by each field's listed value.</summary>
    private sealed record ConsistentMass(double Total, IReadOnlyList<Dictionary<long, double>> Marginals);
}
