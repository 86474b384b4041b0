namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// An ink group read every way <see cref="DigitSegmenter"/> offered, the classifier deciding between them: each
/// option's weight is a prior on its digit count from the group's width times the product of its digits'
/// confidences; <see cref="Best"/> has the largest weight and <see cref="Share"/> is an option's part of all weights,
/// the group's rivals' (<see cref="DigitGroup.Rivals"/>) included.
/// </summary>
public sealed class GroupReading
{
    private readonly double totalWeight;

    private GroupReading(IReadOnlyList<GroupOption> options, double rivalWeight)
    {
        Options = options;
        Best = options.MaxBy(option => option.Weight)!;
        totalWeight = options.Sum(option => option.Weight) + rivalWeight;
    }

    public IReadOnlyList<GroupOption> Options { get; }

    public GroupOption Best { get; }

    public double Share(GroupOption option) => totalWeight <= 0 ? 0 : option.Weight / totalWeight;

    /// <summary>
    /// Every group of a field read, its digits classified in one pass; a group none of whose options holds anything
    /// the normalizer accepts as a digit has no reading.
    /// </summary>
    public static IReadOnlyList<GroupReading> OfField(IReadOnlyList<DigitGroup> groups, DigitClassifier classifier, double priorPerDigit)
    {
        var normalized = groups.Select(NormalizedGroup.Of).ToList();
        var digits = normalized.SelectMany(group => group.Digits).ToList();
        var classified = new Dictionary<NormalizedDigit, DigitClassification>(ReferenceEqualityComparer.Instance);
        foreach (var (digit, classification) in digits.Zip(classifier.ClassifyAll(digits)))
        {
            classified[digit] = classification;
        }

        return normalized.Select(group => Of(group, classified, priorPerDigit)).OfType<GroupReading>().ToList();
    }

    private static GroupReading? Of(NormalizedGroup group, Dictionary<NormalizedDigit, DigitClassification> classified, double priorPerDigit)
    {
        var options = group.Options.Select(digits => Option(digits, group.WidthInDigits, classified, priorPerDigit)).OfType<GroupOption>().ToList();
        var rivalWeight = group.Rivals.Select(digits => Option(digits, group.WidthInDigits, classified, priorPerDigit)?.Weight ?? 0).Sum();
        return options.Count == 0 ? null : new GroupReading(options, rivalWeight);
    }

    private static GroupOption? Option(
        IReadOnlyList<NormalizedDigit> normalized, double widthInDigits, Dictionary<NormalizedDigit, DigitClassification> classified, double priorPerDigit)
    {
        if (normalized.Count == 0)
        {
            return null;
        }

        var digits = normalized.Select(digit => classified[digit]).ToList();
        var prior = Math.Exp(-priorPerDigit * Math.Abs(digits.Count - Math.Max(1, widthInDigits)));
        return new GroupOption(digits, prior * digits.Aggregate(1.0, (product, digit) => product * digit.Confidence));
    }
}
