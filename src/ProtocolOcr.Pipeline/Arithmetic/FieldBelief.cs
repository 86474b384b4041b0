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
    /// The value read and its alternatives, as probabilities. The value keeps its calibrated confidence; the doubt left
    /// (1 - confidence) goes at least <paramref name="listedShareOfDoubt"/> to the alternatives, in proportion to their
    /// scores, and the rest to values nobody listed. The engines' alternative scores are their own, uncalibrated:
    /// a digit engine sure at 0.96 lists its runner-up at 0.007 while its calibrated chance of being wrong is 0.3, and
    /// when it is wrong the truth is usually that runner-up (DEV phone: 62% of wrong readings had it listed, hard 45%).
    /// Alternatives that claim more than the doubt (two engines each listing a rival) are scaled down to leave at least
    /// <paramref name="unlistedFloor"/>.
    /// </summary>
    public static FieldBelief From(FieldReading reading, double unlistedFloor, double listedShareOfDoubt)
    {
        var read = reading.Value is { } value && reading.Confidence > 0 ? new ValueAlternative(value, reading.Confidence) : null;
        var alternatives = reading.Alternatives
            .Where(candidate => candidate.Confidence > 0 && candidate.Value != read?.Value)
            .GroupBy(candidate => candidate.Value)
            .Select(group => group.First())
            .ToList();
        var readProbability = Math.Min(read?.Confidence ?? 0, 1 - unlistedFloor);
        var doubt = 1 - readProbability;
        var scored = alternatives.Sum(candidate => candidate.Confidence);
        var listed = Math.Min(doubt - unlistedFloor, Math.Max(scored, doubt * listedShareOfDoubt));
        var scale = scored > 0 ? Math.Max(0, listed) / scored : 0;
        var candidates = alternatives
            .Select(candidate => candidate with { Confidence = candidate.Confidence * scale })
            .Prepend(read is null ? null : read with { Confidence = readProbability })
            .OfType<ValueAlternative>()
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
