using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Recognition.Tesseract;

namespace ProtocolOcr.Recognition.Words;

/// <summary>
/// Reads the count a field's words box spells out (the protocol's "in words" column) on the aligned page: one Tesseract
/// line in all of the form's languages (the commission writes in either; "kaz+rus" read DEV words boxes letter for
/// letter 88.8% of the time, "kaz" alone 87.7% of the Kazakh but few of the Russian ones), decoded to the nearest
/// spelled value. Thread-safe.
/// </summary>
public sealed class NumberWordsReader : IDisposable
{
    /// <summary>Pixels cut from each side of the words box: its ruled border is read as "|" or "l" otherwise.</summary>
    public const int BorderInset = 4;

    private readonly TesseractPools _engines = new();

    /// <summary>
    /// The words of <paramref name="field"/>, decoded; null when the field or its form has no words to read.
    /// </summary>
    /// <param name="alignedPage">The page warped to the form's reference size (BGR or grey).</param>
    /// <param name="candidates">Values the digits suggest, tried beside every value up to <see cref="NumberWordsDecoder.EveryValueUpTo"/>.</param>
    public WordsDecoding? Read(Mat alignedPage, FormDefinition form, FieldDefinition field, IEnumerable<long> candidates, CancellationToken cancellationToken)
    {
        var languages = form.Languages.Intersect(NumberWords.Languages).ToList();
        if (field.WordsBox is not { } box || languages.Count == 0)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var area = new Rect(box.X + BorderInset, box.Y + BorderInset, box.Width - (2 * BorderInset), box.Height - (2 * BorderInset))
            & new Rect(0, 0, alignedPage.Width, alignedPage.Height);
        if (area.Width <= 0 || area.Height <= 0)
        {
            return null;
        }

        using var crop = new Mat(alignedPage, area);
        using var grey = crop.Channels() == 1 ? crop.Clone() : crop.CvtColor(ColorConversionCodes.BGR2GRAY);
        var text = _engines.For(TesseractLanguages.Of(languages)).Use(engine => engine.ReadLine(grey)).Text;
        return NumberWordsDecoder.Decode(text, languages, candidates);
    }

    public void Dispose() => _engines.Dispose();
}
