namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>One way of reading an ink group: its digits, and its weight (segmentation prior times the digits' confidences).</summary>
public sealed record GroupOption(IReadOnlyList<DigitClassification> Digits, double Weight)
{
    public double DigitConfidence => Digits.Aggregate(1.0, (product, digit) => product * digit.Confidence);
}
