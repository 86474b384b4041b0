using System.Globalization;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// Arithmetic as a second witness. Searches the fields' candidate values (value read and alternatives, as
/// <see cref="FieldBelief"/>s) in order of falling joint probability for assignments under which every error-level
/// relation holds, and gives each field the value of the most probable one with its posterior. Competing with it:
/// the other consistent assignments that give the field another value; a true value the engines did not list (weak
/// when an equality pins the field: it would have to satisfy it by coincidence); and, when the values as read break a
/// relation, the hypothesis that they were read right and the protocol itself is inconsistent. So a single misread
/// digit that a sum repairs is corrected, two equally likely repairs are not, and a protocol that breaks its own
/// arithmetic keeps its values and goes to review. Relations that cannot be checked (a value missing) take no part.
/// </summary>
public sealed class ArithmeticCorrector
{
    private readonly ArithmeticSettings _settings;

    public ArithmeticCorrector(ArithmeticSettings settings) => _settings = settings;

    public IReadOnlyList<ArithmeticVerdict> Judge(FormDefinition form, IReadOnlyList<FieldReading> readings)
    {
        var values = readings.ToDictionary(reading => reading.FieldId, reading => reading.Value, StringComparer.Ordinal);
        var scope = new FormValueScope(form, values);
        var relations = ActiveRelations(form, readings, scope);
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
            .Select(reading => FieldBelief.From(reading, _settings.UnlistedFloor))
            .ToList();
        var failingAsRead = relations.Where(relation => relation.Expression.Holds(scope.Lookup, relation.Tolerance) == false).ToList();
        var search = Search(beliefs, relations, values, scope);
        if (search.Consistent.Count == 0)
        {
            return [];
        }

        var best = search.Consistent[0].Choice;
        var bestProbability = Math.Exp(search.Consistent[0].LogProbability);
        var inconsistentProtocol = search.TopIsConsistent ? 0 : _settings.InconsistentProtocolPrior * Math.Exp(search.TopLogProbability);
        var verdicts = new List<ArithmeticVerdict>(beliefs.Count);
        for (var field = 0; field < beliefs.Count; field++)
        {
            var belief = beliefs[field];
            var support = 0.0;
            var against = search.Unvisited + inconsistentProtocol;
            foreach (var (choice, log) in search.Consistent)
            {
                if (choice[field] == best[field])
                {
                    support += Math.Exp(log);
                }
                else
                {
                    against += Math.Exp(log);
                }
            }

            var pinned = relations.Any(relation => relation.IsEquality && relation.FieldIds.Contains(belief.FieldId));
            against += belief.Unlisted * (pinned ? _settings.Coincidence : 1) * bestProbability / belief.Candidates[best[field]].Confidence;
            var value = belief.Candidates[best[field]].Value;
            var corrects = value == values[belief.FieldId]
                ? []
                : failingAsRead.Where(relation => relation.FieldIds.Contains(belief.FieldId)).Select(relation => relation.Id).ToList();
            var posterior = support / (support + against);
            // Only an equality is a witness: a field that inequalities alone check keeps its own reading's word.
            verdicts.Add(new ArithmeticVerdict(belief.FieldId, value, posterior, pinned && posterior >= _settings.AcceptPosterior, corrects));
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
    private static List<ActiveRelation> ActiveRelations(FormDefinition form, IReadOnlyList<FieldReading> readings, FormValueScope scope) =>
        form.Relations
            .Where(relation => relation.Severity == RelationSeverity.Error)
            .Select(relation => new ActiveRelation(
                relation.Id,
                ExpressionParser.ParseRelation(relation.Expression),
                (decimal)relation.Tolerance,
                RelationFields.Of(form, relation).ToHashSet(StringComparer.Ordinal),
                RelationFields.IsEquality(relation)))
            .Where(relation => relation.Expression.Holds(scope.Lookup, relation.Tolerance) is not null)
            .ToList();

    private AssignmentSearch Search(
        IReadOnlyList<FieldBelief> beliefs, IReadOnlyList<ActiveRelation> relations, Dictionary<string, long?> values, FormValueScope scope)
    {
        var original = beliefs.ToDictionary(belief => belief.FieldId, belief => values[belief.FieldId], StringComparer.Ordinal);
        var consistent = new List<(int[] Choice, double LogProbability)>();
        var topLog = double.NaN;
        var topConsistent = false;
        var visited = 0;
        var lastLog = 0.0;
        // Once an assignment is this much less likely than the best consistent one, the rest cannot move a posterior.
        var negligible = Math.Log(1e-7);
        try
        {
            var probabilities = beliefs.Select(belief => (IReadOnlyList<double>)belief.Candidates.Select(c => c.Confidence).ToList()).ToList();
            foreach (var (choice, log) in CandidateAssignments.InFallingProbability(probabilities))
            {
                if (consistent.Count > 0 && log < consistent[0].LogProbability + negligible)
                {
                    return new AssignmentSearch(consistent, topLog, topConsistent, 0);
                }

                if (visited++ == _settings.MaxAssignments)
                {
                    // Every assignment not visited is at most as likely as the last one visited; count a generous share against.
                    return new AssignmentSearch(consistent, topLog, topConsistent, 100 * Math.Exp(lastLog));
                }

                for (var field = 0; field < beliefs.Count; field++)
                {
                    values[beliefs[field].FieldId] = beliefs[field].Candidates[choice[field]].Value;
                }

                var holds = relations.All(relation => relation.Expression.Holds(scope.Lookup, relation.Tolerance) == true);
                if (double.IsNaN(topLog))
                {
                    topLog = log;
                    topConsistent = holds;
                }

                if (holds)
                {
                    consistent.Add(((int[])choice.Clone(), log));
                }

                lastLog = log;
            }

            return new AssignmentSearch(consistent, topLog, topConsistent, 0);
        }
        finally
        {
            foreach (var (fieldId, value) in original)
            {
                values[fieldId] = value;
            }
        }
    }

    private sealed record ActiveRelation(string Id, RelationExpression Expression, decimal Tolerance, IReadOnlySet<string> FieldIds, bool IsEquality);

    private sealed record AssignmentSearch(
        IReadOnlyList<(int[] Choice, double LogProbability)> Consistent, double TopLogProbability, bool TopIsConsistent, double Unvisited);
}
