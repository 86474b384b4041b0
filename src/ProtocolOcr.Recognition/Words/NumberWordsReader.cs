using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Recognition.Tesseract;

namespace ProtocolOcr.Recognition.Words;

/// <summary>
/// Reads the count a field's words box spells out (the protocol's "in words" column) on the aligned page: one Tesseract
/// line in all of the form's languages (the commission writes in either; on 520 DEV phone words boxes "kaz+rus" named
/// 488 values, "kaz" alone 481 at three quarters of the cost, "rus" alone 277), or in the one language the protocol is
/// known to be written in, decoded to the nearest spelled value.
/// Thread-safe.
/// </summary>
public sealed class NumberWordsReader : IDisposable
{
    /// <summary>Pixels cut from each side of the words box: its ruled border is read as "|" or "l" otherwise.</summary>
    public const int BorderInset = 4;

    private static readonly Mat StrokeCloser = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(9, 9));

    private readonly TesseractPools _engines = new();

    /// <summary>
    /// The words of <paramref name="field"/>, decoded; null when the field or its form has no words to read.
    /// </summary>
    /// <param name="page">The page at the form's reference size (BGR or grey).</param>
    /// <param name="candidates">Values the digits suggest, tried beside every value up to <see cref="NumberWordsDecoder.EveryValueUpTo"/>.</param>
    /// <param name="writtenIn">Read in this language of the form only (its model alone is cheaper); all the form's languages when null.</param>
    public WordsDecoding? Read(
        AlignedPage page, FormDefinition form, FieldDefinition field, IEnumerable<long> candidates, CancellationToken cancellationToken,
        string? writtenIn = null)
    {
        var languages = form.Languages.Intersect(NumberWords.Languages).Where(language => writtenIn is null || language == writtenIn).ToList();
        if (field.WordsBox is not { } box || languages.Count == 0)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var area = new Rect(box.X + BorderInset, box.Y + BorderInset, box.Width - (2 * BorderInset), box.Height - (2 * BorderInset))
            & page.Bounds;
        if (area.Width <= 0 || area.Height <= 0)
        {
            return null;
        }

        using var grey = page.GreyRegion(area);
        using var even = EvenPaper(grey);
        var text = _engines.For(TesseractLanguages.Of(languages)).Use(engine => engine.ReadLine(even)).Text;
        return NumberWordsDecoder.Decode(text, languages, candidates);
    }

    public void Dispose() => _engines.Dispose();

    /// <summary>
    /// The crop divided by its paper's own level (the strokes closed away, then a wide median), so glare and shadow
    /// across the box leave the ink on white. Measured on DEV hard 223 (40 photos, 520 boxes): boxes whose words name a
    /// value 326 -> 338, values named wrong 2 -> 0 (Tesseract's own threshold lost the last word under glare: "сто
    /// семнадцать" read "стосемі", named 107); DEV phone 211: 488 -> 488 named, none wrong either way.
    /// </summary>
    private static Mat EvenPaper(Mat grey)
    {
        using var paper = new Mat();
        Cv2.Dilate(grey, paper, StrokeCloser);
        Cv2.MedianBlur(paper, paper, 21);
        using var ink = new Mat();
        grey.ConvertTo(ink, MatType.CV_32F);
        using var level = new Mat();
        paper.ConvertTo(level, MatType.CV_32F);
        using var ratio = new Mat();
        Cv2.Divide(ink, level, ratio, 255.0);
        var even = new Mat();
        ratio.ConvertTo(even, MatType.CV_8U);
        return even;
    }
}
