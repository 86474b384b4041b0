using System.Globalization;
using System.Text;
using ProtocolOcr.Infrastructure.Downstream.Report;
using static ProtocolOcr.Api.Downstream.Report.Svg;

namespace ProtocolOcr.Api.Downstream.Report;

/// <summary>Per region, the sum of absolute differences (official vs observers) over verified precincts.</summary>
internal static class DifferenceChart
{
    private const double Width = 520, LabelWidth = 120, BarHeight = 22, Gap = 12, Top = 12;

    public static string Render(IReadOnlyList<RegionDifferenceRow> rows)
    {
        var height = Top + rows.Count * (BarHeight + Gap) + 8;
        var plot = Width - LabelWidth - 190;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.SumAbsDifference));
        var svg = new StringBuilder($"<svg viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" aria-label=\"Discrepancies by region\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + i * (BarHeight + Gap);
            var width = plot * row.SumAbsDifference / max;
            var colour = row.SumDifference >= 0 ? ChartPalette.OfficialHigher : ChartPalette.OfficialLower;
            svg.Append(Label(LabelWidth - 8, y + BarHeight * 0.7, row.Region, "end", "axis"))
                .Append(Rect(LabelWidth, y, Math.Max(width, row.SumAbsDifference > 0 ? 2 : 0), BarHeight, colour,
                    $"{row.Region}: {row.LinesDiffering} lines differ in {row.PrecinctsDiffering} of {row.PrecinctsCompared} precincts"))
                .Append(Label(LabelWidth + width + 6, y + BarHeight * 0.7,
                    string.Create(CultureInfo.InvariantCulture, $"{row.SumAbsDifference:N0} · {row.PrecinctsDiffering} of {row.PrecinctsCompared} precincts"), "start", "value"));
        }

        return svg.Append("</svg>").ToString();
    }
}
