using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// What the engines believe a field holds: candidate values with probabilities (most likely first) and the
/// probability <see cref="Unlisted"/> that the true value is none of them. The probabilities sum to 1.
/// <see cref="ValueRead"/> is the value the engines read (the first candidate before sorting).
/// </summary>
public sealed record FieldBelief(string FieldId, IReadOnlyList<ValueAlternative> Candidates, double Unlisted, long? ValueRead)
{
    /// <summary>
    /// The value read and its alternatives, as probabilities. The engines' scores are not normalized (two alternatives
    /// may each claim most of the doubt), so they are scaled down when they leave less than <paramref name="unlistedFloor"/>.
    /// </summary>
    public static FieldBelief From(FieldReading reading, double unlistedFloor)
    {
        var scored = (reading.Value is { } value ? [new ValueAlternative(value, reading.Confidence)] : Array.Empty<ValueAlternative>())
            .Concat(reading.Alternatives)
            .Where(candidate => candidate.Confidence > 0)
            .GroupBy(candidate => candidate.Value)
            .Select(group => group.First())
            .ToList();
        var total = scored.Sum(candidate => candidate.Confidence);
        var scale = total > 1 - unlistedFloor ? (1 - unlistedFloor) / total : 1;
        var candidates = scored
            .Select(candidate => candidate with { Confidence = candidate.Confidence * scale })
            .OrderByDescending(candidate => candidate.Confidence)
            .ToList();
        return new FieldBelief(reading.FieldId, candidates, 1 - candidates.Sum(candidate => candidate.Confidence), reading.Value);
    }

    /// <summary>The probability of the value read (0 when nothing was read).</summary>
    public double ProbabilityOfValueRead => Candidates.FirstOrDefault(candidate => candidate.Value == ValueRead)?.Confidence ?? 0;

    /// <summary>The candidates and the unlisted remainder, most likely first.</summary>
    public IReadOnlyList<FieldOption> Options() =>
        Candidates.Select(candidate => new FieldOption(candidate.Value, candidate.Confidence))
            .Append(new FieldOption(null, Unlisted))
            .Where(option => option.Probability > 0)
            .OrderByDescending(option => option.Probability)
            .ToList();
}
