using System.Globalization;
using System.Text;
using ProtocolOcr.Infrastructure.Downstream.Report;
using static ProtocolOcr.Api.Downstream.Report.Svg;

namespace ProtocolOcr.Api.Downstream.Report;

/// <summary>One stacked bar per region: verified, needing review, photo but incomplete, no photo yet.</summary>
internal static class CoverageChart
{
    private const double Width = 520, LabelWidth = 120, BarHeight = 22, Gap = 12, Top = 34;

    public static string Render(IReadOnlyList<CoverageRow> rows)
    {
        var height = Top + rows.Count * (BarHeight + Gap) + 8;
        var plot = Width - LabelWidth - 50;
        var svg = new StringBuilder($"<svg viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" aria-label=\"Coverage by region\">");
        Legend(svg);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + i * (BarHeight + Gap);
            svg.Append(Label(LabelWidth - 8, y + BarHeight * 0.7, row.Region, "end", "axis"));
            var x = LabelWidth;
            var incomplete = row.WithPhotos - row.Verified - row.NeedingReview;
            foreach (var (count, colour, what) in new[]
                     {
                         (row.Verified, ChartPalette.Verified, "verified"), (row.NeedingReview, ChartPalette.NeedsReview, "needing review"),
                         (incomplete, ChartPalette.Incomplete, "photo, not complete"), (row.Precincts - row.WithPhotos, ChartPalette.NoPhoto, "no photo"),
                     })
            {
                var width = row.Precincts == 0 ? 0 : plot * count / row.Precincts;
                svg.Append(Rect(x, y, width, BarHeight, colour, $"{row.Region}: {count} of {row.Precincts} precincts {what}"));
                x += width;
            }

            var percent = row.Precincts == 0 ? 0 : 100.0 * row.Verified / row.Precincts;
            svg.Append(Label(LabelWidth + plot + 6, y + BarHeight * 0.7, string.Create(CultureInfo.InvariantCulture, $"{percent:0}%"), "start", "value"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Legend(StringBuilder svg)
    {
        var x = LabelWidth;
        foreach (var (colour, text) in new[]
                 {
                     (ChartPalette.Verified, "verified"), (ChartPalette.NeedsReview, "needs review"),
                     (ChartPalette.Incomplete, "incomplete"), (ChartPalette.NoPhoto, "no photo"),
                 })
        {
            svg.Append(Rect(x, 8, 12, 12, colour, text)).Append(Label(x + 16, 18, text, "start", "legend"));
            x += 28 + text.Length * 6.2;
        }
    }
}
