using ImageMagick;
using ImageMagick.Drawing;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Synthetic.Rendering;

/// <summary>
/// Draws paragraphs into a rectangle: wrapped at spaces, at the largest size up to a maximum that fits,
/// centred vertically. Measures with the same fonts it draws with.
/// </summary>
internal sealed class TextFitter : IDisposable
{
    private const double LineSpacing = 1.18;
    private const int MinimumSize = 11;

    private readonly MagickImage _measure = new(MagickColors.White, 1, 1);

    public void Draw(IMagickImage<byte> image, IReadOnlyList<TextRun> runs, BoxRect area, int maximumSize, TextAlign align)
    {
        var (size, lines) = Fit(runs, area, maximumSize);
        var lineHeight = size * LineSpacing;
        var top = area.Y + (area.Height - lines.Count * lineHeight) / 2;
        var drawables = new Drawables().FillColor(MagickColors.Black).FontPointSize(size).EnableTextAntialias();
        for (var i = 0; i < lines.Count; i++)
        {
            var (text, font) = lines[i];
            var ascent = Metrics(text, font, size).Ascent;
            var baseline = top + i * lineHeight + (lineHeight - size) / 2 + ascent;
            var (x, alignment) = align switch
            {
                TextAlign.Left => (area.X, TextAlignment.Left),
                TextAlign.Center => (area.X + area.Width / 2.0, TextAlignment.Center),
                _ => (area.Right, TextAlignment.Right),
            };
            drawables.Font(font).TextAlignment(alignment).Text(x, baseline, text);
        }

        drawables.Draw(image);
    }

    /// <summary>The largest size up to <paramref name="maximumSize"/> at which the runs fit the area.</summary>
    public int LargestFittingSize(IReadOnlyList<TextRun> runs, BoxRect area, int maximumSize) =>
        Fit(runs, area, maximumSize).Size;

    private (int Size, List<(string Text, string Font)> Lines) Fit(IReadOnlyList<TextRun> runs, BoxRect area, int maximumSize)
    {
        for (var size = maximumSize; size > MinimumSize; size--)
        {
            var lines = Wrap(runs, area.Width, size);
            if (lines is not null && lines.Count * size * LineSpacing <= area.Height)
            {
                return (size, lines);
            }
        }

        return (MinimumSize, Wrap(runs, area.Width, MinimumSize) ?? runs.Select(r => (r.Text, r.FontPath)).ToList());
    }

    /// <summary>Lines of at most <paramref name="width"/> pixels, or null when a single word is wider.</summary>
    private List<(string Text, string Font)>? Wrap(IReadOnlyList<TextRun> runs, int width, int size)
    {
        var lines = new List<(string, string)>();
        foreach (var run in runs)
        {
            var line = "";
            foreach (var word in run.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Metrics(candidate, run.FontPath, size).TextWidth <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length == 0)
                {
                    return null;
                }

                lines.Add((line, run.FontPath));
                line = word;
                if (Metrics(line, run.FontPath, size).TextWidth > width)
                {
                    return null;
                }
            }

            if (line.Length > 0)
            {
                lines.Add((line, run.FontPath));
            }
        }

        return lines;
    }

    private ITypeMetric Metrics(string text, string font, int size)
    {
        _measure.Settings.Font = font;
        _measure.Settings.FontPointsize = size;
        return _measure.FontTypeMetrics(text)
            ?? throw new InvalidOperationException($"Font '{font}' could not measure '{text}'.");
    }

    public void Dispose() => _measure.Dispose();
}
