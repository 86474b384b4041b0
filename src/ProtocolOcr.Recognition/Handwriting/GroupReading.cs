using OpenCvSharp;

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

    /// <summary>Null when no option of the group holds anything the normalizer accepts as a digit.</summary>
    public static GroupReading? Of(DigitGroup group, DigitClassifier classifier, double priorPerDigit)
    {
        var options = group.Options.Select(images => Option(images, group.WidthInDigits, classifier, priorPerDigit)).OfType<GroupOption>().ToList();
        var rivalWeight = group.Rivals.Select(images => Option(images, group.WidthInDigits, classifier, priorPerDigit)?.Weight ?? 0).Sum();
        return options.Count == 0 ? null : new GroupReading(options, rivalWeight);
    }

    private static GroupOption? Option(IReadOnlyList<Mat> images, double widthInDigits, DigitClassifier classifier, double priorPerDigit)
    {
        var digits = images
            .Select(DigitNormalizer.FromPaper)
            .OfType<NormalizedDigit>()
            .Select(classifier.Classify)
            .ToList();
        if (digits.Count == 0)
        {
            return null;
        }

        var prior = Math.Exp(-priorPerDigit * Math.Abs(digits.Count - Math.Max(1, widthInDigits)));
        return new GroupOption(digits, prior * digits.Aggregate(1.0, (product, digit) => product * digit.Confidence));
    }
}
