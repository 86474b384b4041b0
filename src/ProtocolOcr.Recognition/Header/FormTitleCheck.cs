using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Recognition.Tesseract;

namespace ProtocolOcr.Recognition.Header;

/// <summary>
/// Confirms the form by its printed title when another known form shares its layout (kz.president.2019 and 2022:
/// registration cannot tell them apart). Reads the form's <see cref="FormDefinition.TitleLines"/> on the aligned page
/// and rejects the photo as <c>template_mismatch</c> when another form's title lines fit the text read clearly better
/// (<see cref="Margin"/> characters). Forms without title lines, or without a look-alike, cost nothing. Thread-safe.
/// </summary>
public sealed class FormTitleCheck : IDisposable
{
    /// <summary>
    /// How many characters closer another form's title must be. The 2019 and 2022 date lines differ by 9-12 characters;
    /// the lines read on DEV photos were 0-4 characters from their own title.
    /// </summary>
    public const int Margin = 4;

    private readonly IReadOnlyList<FormDefinition> _forms;
    private readonly TesseractPools _engines = new();

    public FormTitleCheck(IEnumerable<FormDefinition> forms) =>
        _forms = forms.Where(form => form.TitleLines is { Count: > 0 }).ToList();

    /// <summary>
    /// Throws <see cref="PhotoRejectedException"/> (template_mismatch) when the title read names another form; returns
    /// the title lines read (none when the form has no look-alike).
    /// </summary>
    /// <param name="page">The page at <paramref name="form"/>'s reference size (BGR or grey).</param>
    public IReadOnlyList<string> Confirm(AlignedPage page, FormDefinition form, CancellationToken cancellationToken)
    {
        var lookAlikes = LookAlikes(form);
        if (lookAlikes.Count == 0)
        {
            return [];
        }

        // Line by line, stopping once one form leads by the margin: a matching photo is settled by its first line.
        var engines = EnginesFor(form);
        var lines = new List<string>();
        var evidence = new List<string>();
        foreach (var box in form.TitleLines!)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = ReadLine(page, box, engines);
            lines.Add(line);
            if (!IsRecognisable(line, lookAlikes.Append(form)))
            {
                continue;
            }

            evidence.Add(line);
            var own = Distance(evidence, form);
            var (closest, distance) = lookAlikes.Select(other => (other, Distance(evidence, other))).MinBy(pair => pair.Item2);
            if (distance + Margin <= own)
            {
                throw new PhotoRejectedException(
                    ReasonCodes.TemplateMismatch,
                    $"The title on this photo reads \"{string.Join(" / ", lines)}\", which is form {closest.Id} " +
                    $"(\"{closest.Title.Any.Split('\n').Last()}\"), not {form.Id}. Upload it as a {closest.Id} protocol.");
            }

            if (own + Margin <= distance)
            {
                break;
            }
        }

        return lines;
    }

    private static string ReadLine(AlignedPage page, BoxRect box, TesseractEnginePool engines)
    {
        var area = new Rect(box.X, box.Y, box.Width, box.Height) & page.Bounds;
        if (area.Width == 0 || area.Height == 0)
        {
            return "";
        }

        using var line = page.GreyRegion(area);
        return engines.Use(engine => engine.ReadLine(line)).Text;
    }

    public void Dispose() => _engines.Dispose();

    /// <summary>The other forms printed on the same layout: same page size and the same title line boxes.</summary>
    private List<FormDefinition> LookAlikes(FormDefinition form) =>
        form.TitleLines is not { Count: > 0 } titleLines
            ? []
            : _forms.Where(other => other.Id != form.Id && other.ReferenceSize == form.ReferenceSize && other.TitleLines!.SequenceEqual(titleLines)).ToList();

    /// <summary>How far the lines read are from a form's title: per line, the closest line of the title in any language.</summary>
    private static int Distance(IReadOnlyList<string> lines, FormDefinition form)
    {
        var titleLines = TitleLinesOf(form);
        return lines
            .Select(TitleText.Normalize)
            .Sum(read => titleLines.Min(expected => TitleText.DistanceWithin(read, expected)));
    }

    /// <summary>
    /// A line read is evidence only when it holds at least half as many letters and digits as the shortest candidate
    /// title line. Text read from a washed-out or unreadable title ("" or "ооо") is closest to the shortest title,
    /// which is no sign of that form: DEV kz2022 photo 0011 read both date lines empty and was rejected as
    /// kz.president.2019.
    /// </summary>
    private static bool IsRecognisable(string line, IEnumerable<FormDefinition> candidates) =>
        TitleText.Normalize(line).Length * 2 >= candidates.SelectMany(TitleLinesOf).Min(expected => expected.Length);

    private static List<string> TitleLinesOf(FormDefinition form) =>
        form.Title.ByLanguage.Values
            .SelectMany(text => text.Split('\n'))
            .Select(TitleText.Normalize)
            .Where(line => line.Length > 0)
            .ToList();

    /// <summary>
    /// One model, the form's first language's: the title lines of a bilingual form are compared letter by letter, and
    /// Kazakh's Cyrillic alphabet holds Russian's, so "kaz" reads the Russian date line well enough; Tesseract runs every
    /// model of "kaz+rus" over each line, 1.3-1.7x the cost of one.
    /// </summary>
    private TesseractEnginePool EnginesFor(FormDefinition form) => _engines.For(TesseractLanguages.Of(form.Languages[0]));
}
