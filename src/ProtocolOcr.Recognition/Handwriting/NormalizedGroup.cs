using OpenCvSharp;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// A <see cref="DigitGroup"/>'s options and rivals with each digit image normalized for the classifier (images the
/// normalizer refuses, specks, left out), so a whole field's digits can be classified in one pass.
/// </summary>
public sealed class NormalizedGroup
{
    private NormalizedGroup(double widthInDigits, IReadOnlyList<IReadOnlyList<NormalizedDigit>> options, IReadOnlyList<IReadOnlyList<NormalizedDigit>> rivals)
    {
        WidthInDigits = widthInDigits;
        Options = options;
        Rivals = rivals;
    }

    public double WidthInDigits { get; }

    public IReadOnlyList<IReadOnlyList<NormalizedDigit>> Options { get; }

    public IReadOnlyList<IReadOnlyList<NormalizedDigit>> Rivals { get; }

    public IEnumerable<NormalizedDigit> Digits => Options.Concat(Rivals).SelectMany(option => option);

    public static NormalizedGroup Of(DigitGroup group) => new(group.WidthInDigits, Normalize(group.Options), Normalize(group.Rivals));

    private static IReadOnlyList<IReadOnlyList<NormalizedDigit>> Normalize(IReadOnlyList<IReadOnlyList<Mat>> options) =>
        options.Select(images => (IReadOnlyList<NormalizedDigit>)images.Select(DigitNormalizer.FromPaper).OfType<NormalizedDigit>().ToList()).ToList();
}
