using ImageMagick;
using ImageMagick.Drawing;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Synthetic.Rendering;

/// <summary>
/// Draws the blank form of a <see cref="FormDefinition"/> at its reference size, black on white, like a printed
/// protocol: title, labels in the form's languages, line numbers, value boxes (or digit cells) exactly on the defined
/// boxes, a words box per line, signature lines and the seal place. The pipeline registers photos against this image
/// and crops the defined boxes, so box edges are drawn crisp (no anti-aliasing) and nothing else touches them.
/// </summary>
public sealed class FormRenderer(FormFonts fonts)
{
    public const int Margin = 80;
    public const int BoxStroke = 3;
    public const int ThinStroke = 2;
    private const int NumberColumnWidth = 56;
    private const int LabelGap = 20;
    private const int LabelSize = 24;

    public FormRenderer()
        : this(FormFonts.DejaVuSerif.EnsureInstalled())
    {
    }

    /// <summary>An 8-bit grayscale image of the blank form; the caller disposes it.</summary>
    public MagickImage Render(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var page = form.ReferenceSize;
        var image = new MagickImage(MagickColors.White, (uint)page.Width, (uint)page.Height);
        image.Alpha(AlphaAction.Off);
        using var text = new TextFitter();
        DrawTitle(image, form, text);
        DrawColumnCaptions(image, form, text);
        foreach (var group in form.Groups.Where(g => g.HeadingBox is not null))
        {
            var heading = group.HeadingBox!.Value;
            var area = new BoxRect(heading.X + NumberColumnWidth + 10, heading.Y, heading.Width - NumberColumnWidth - 10, heading.Height);
            text.Draw(image, Runs(form, group.Label, bold: true), area, 24, TextAlign.Left);
        }

        // One size for every label, as on a printed form: the largest at which all of them fit.
        var labelSize = form.Fields
            .Where(f => f.Kind != FieldKind.Stamp)
            .Select(f => text.LargestFittingSize(Runs(form, f.Label, bold: false), LabelArea(f), LabelSize))
            .DefaultIfEmpty(LabelSize)
            .Min();
        foreach (var field in form.Fields)
        {
            DrawLabel(image, form, field, text, labelSize);
            DrawField(image, field);
        }

        text.Draw(image, [new TextRun($"{form.Id} · {form.Version}", fonts.Regular)],
            new BoxRect(Margin, page.Height - 40, page.Width - 2 * Margin, 24), 16, TextAlign.Right);
        image.Grayscale();
        image.Alpha(AlphaAction.Off);
        return image;
    }

    /// <summary>
    /// Renders the form to a PNG file (the reference image, <c>forms/&lt;id&gt;.png</c>). The file holds pixels only
    /// (no dates or text chunks), so rendering an unchanged definition again gives the same bytes.
    /// </summary>
    public void RenderToFile(FormDefinition form, string path)
    {
        using var image = Render(form);
        image.Settings.SetDefine(MagickFormat.Png, "exclude-chunks", "date,time,tEXt,zTXt,iTXt,bKGD");
        image.Write(path, MagickFormat.Png);
    }

    private void DrawTitle(MagickImage image, FormDefinition form, TextFitter text)
    {
        var top = form.Fields.Min(f => f.Box.Y);
        var runs = new List<TextRun>();
        foreach (var language in form.Languages)
        {
            var lines = form.Title[language].Split('\n');
            runs.Add(new TextRun(lines[0], fonts.Bold));
            runs.AddRange(lines.Skip(1).Select(line => new TextRun(line, fonts.Regular)));
        }

        text.Draw(image, runs, new BoxRect(Margin + 40, 50, form.ReferenceSize.Width - 2 * Margin - 80, top - 80), 30, TextAlign.Center);
    }

    /// <summary>Captions over the figures and words columns, above the first line written in words.</summary>
    private void DrawColumnCaptions(MagickImage image, FormDefinition form, TextFitter text)
    {
        var first = form.Fields.Where(f => f.Words && f.LineNumber is not null).MinBy(f => f.Box.Y);
        if (first?.WordsBox is not { } wordsBox)
        {
            return;
        }

        var (digits, words) = ColumnCaptions.For(form.Languages);
        var captionTop = first.Box.Y - 46;
        var captionArea = new BoxRect(first.Box.X, captionTop, wordsBox.Right - first.Box.X, 40);
        if (form.Fields.Any(f => f.Box.Overlaps(captionArea)))
        {
            return;
        }

        text.Draw(image, [new TextRun(digits, fonts.Italic)], new BoxRect(first.Box.X, captionTop, first.Box.Width, 40), 20, TextAlign.Center);
        text.Draw(image, [new TextRun(words, fonts.Italic)], new BoxRect(wordsBox.X, captionTop, wordsBox.Width, 40), 20, TextAlign.Center);
    }

    private void DrawLabel(MagickImage image, FormDefinition form, FieldDefinition field, TextFitter text, int size)
    {
        var box = field.Box;
        if (field.Kind == FieldKind.Stamp)
        {
            var inner = (int)(box.Width * 0.2);
            var area = new BoxRect(box.X + inner, box.Y + inner, box.Width - 2 * inner, box.Height - 2 * inner);
            text.Draw(image, Runs(form, field.Label, bold: false), area, 26, TextAlign.Center);
            return;
        }

        if (field.LineNumber is { } number)
        {
            text.Draw(image, [new TextRun(number, fonts.Bold)], new BoxRect(Margin, box.Y, NumberColumnWidth - 10, box.Height), LabelSize, TextAlign.Right);
        }

        text.Draw(image, Runs(form, field.Label, bold: false), LabelArea(field), size, TextAlign.Left);
    }

    /// <summary>Left of the box (after the line number column), or above the box when there is no room on the left.</summary>
    private static BoxRect LabelArea(FieldDefinition field)
    {
        var box = field.Box;
        var left = field.LineNumber is null ? Margin : Margin + NumberColumnWidth + 10;
        var width = box.X - LabelGap - left;
        return width >= 150
            ? new BoxRect(left, box.Y - 8, width, box.Height + 16)
            : new BoxRect(box.X, box.Y - 34, box.Width, 30);
    }

    private static void DrawField(MagickImage image, FieldDefinition field)
    {
        var box = field.Box;
        switch (field.Kind)
        {
            case FieldKind.Count or FieldKind.Code:
                RulePainter.Border(image, box, BoxStroke);
                for (var cell = 1; cell < field.DigitBoxes; cell++)
                {
                    RulePainter.Vertical(image, box.X + cell * box.Width / field.DigitBoxes, box.Y, box.Bottom, ThinStroke);
                }

                if (field.WordsBox is { } words)
                {
                    RulePainter.Border(image, words, ThinStroke);
                }

                break;
            case FieldKind.Text or FieldKind.Signature:
                RulePainter.Horizontal(image, box.Bottom - 1, box.X, box.Right, ThinStroke);
                break;
            case FieldKind.Stamp:
                new Drawables()
                    .StrokeColor(MagickColors.Black).StrokeWidth(ThinStroke).StrokeDashArray(14, 10)
                    .FillColor(MagickColors.Transparent)
                    .Ellipse(box.X + box.Width / 2.0, box.Y + box.Height / 2.0, box.Width / 2.0 - 2, box.Height / 2.0 - 2, 0, 360)
                    .Draw(image);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Unknown field kind.");
        }
    }

    /// <summary>The text in each of the form's languages: the first language upright, the others in italics.</summary>
    private List<TextRun> Runs(FormDefinition form, LocalizedText text, bool bold) =>
        form.Languages
            .Select((language, index) => new TextRun(text[language], bold ? fonts.Bold : index == 0 ? fonts.Regular : fonts.Italic))
            .Where(run => run.Text.Length > 0)
            .ToList();
}
