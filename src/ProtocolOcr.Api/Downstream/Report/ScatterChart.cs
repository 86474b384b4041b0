using System.Globalization;
using System.Text;
using ProtocolOcr.Infrastructure.Downstream.Report;
using static ProtocolOcr.Api.Downstream.Report.Svg;

namespace ProtocolOcr.Api.Downstream.Report;

/// <summary>
/// Turnout (x) against one choice's share (y), one dot per verified precinct, coloured by region: the standard
/// election-forensics picture, where a cloud stretching to the top right corner is the pattern worth a look. Where the
/// official figures put the precinct elsewhere, a ring marks that spot, joined to the observers' dot.
/// </summary>
internal static class ScatterChart
{
    private const double Size = 440, Left = 48, Bottom = 40, Top = 12, Right = 22;

    public static string Render(IReadOnlyList<ScatterPoint> points, string choice)
    {
        var plot = Size - Left - Right;
        var plotHeight = Size - Top - Bottom;
        double X(double percent) => Left + plot * percent / 100;
        double Y(double percent) => Top + plotHeight * (1 - percent / 100);
        var svg = new StringBuilder($"<svg viewBox=\"0 0 {N(Size)} {N(Size)}\" role=\"img\" aria-label=\"Turnout versus vote share\">");
        for (var tick = 0; tick <= 100; tick += 20)
        {
            svg.Append($"<line x1=\"{N(X(tick))}\" y1=\"{N(Top)}\" x2=\"{N(X(tick))}\" y2=\"{N(Top + plotHeight)}\" stroke=\"{ChartPalette.Grid}\"/>")
                .Append($"<line x1=\"{N(Left)}\" y1=\"{N(Y(tick))}\" x2=\"{N(Left + plot)}\" y2=\"{N(Y(tick))}\" stroke=\"{ChartPalette.Grid}\"/>")
                .Append(Label(X(tick), Top + plotHeight + 16, $"{tick}%", "middle", "axis"))
                .Append(Label(Left - 6, Y(tick) + 4, $"{tick}%", "end", "axis"));
        }

        svg.Append(Label(Left + plot / 2, Size - 6, "turnout (valid votes / voters on the list)", "middle", "axis-title"))
            .Append($"<text transform=\"translate(12 {N(Top + plotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\" class=\"axis-title\">{Text("share of " + choice)}</text>");
        var regions = points.Select(p => p.Region).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var point in points)
        {
            var colour = ChartPalette.Regions[regions.IndexOf(point.Region) % ChartPalette.Regions.Count];
            if (point.OfficialTurnout is { } officialTurnout && point.OfficialShare is { } officialShare
                && (Math.Abs(officialTurnout - point.Turnout) >= 0.5 || Math.Abs(officialShare - point.Share) >= 0.5))
            {
                // Where the commission put this precinct: a ring joined to the observers' dot.
                var (ox, oy) = (X(Math.Clamp(officialTurnout, 0, 100)), Y(Math.Clamp(officialShare, 0, 100)));
                svg.Append($"<line x1=\"{N(X(Math.Clamp(point.Turnout, 0, 100)))}\" y1=\"{N(Y(Math.Clamp(point.Share, 0, 100)))}\" x2=\"{N(ox)}\" y2=\"{N(oy)}\" stroke=\"{colour}\" stroke-opacity=\"0.6\"/>")
                    .Append($"<circle cx=\"{N(ox)}\" cy=\"{N(oy)}\" r=\"5\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\">")
                    .Append($"<title>{Text(string.Create(CultureInfo.InvariantCulture, $"{point.Region} {point.Precinct} officially: turnout {officialTurnout:0.#}%, share {officialShare:0.#}%"))}</title></circle>");
            }

            svg.Append($"<circle cx=\"{N(X(Math.Clamp(point.Turnout, 0, 100)))}\" cy=\"{N(Y(Math.Clamp(point.Share, 0, 100)))}\" r=\"5\" fill=\"{colour}\" fill-opacity=\"0.75\" stroke=\"#fff\">")
                .Append($"<title>{Text(string.Create(CultureInfo.InvariantCulture, $"{point.Region} {point.Precinct}: turnout {point.Turnout:0.#}%, share {point.Share:0.#}%"))}</title></circle>");
        }

        svg.Append($"<circle cx=\"{N(Left + plot - 150)}\" cy=\"{N(Top + 12)}\" r=\"5\" fill=\"{ChartPalette.Ink}\"/>")
            .Append(Label(Left + plot - 140, Top + 16, "observers", "start", "legend"))
            .Append($"<circle cx=\"{N(Left + plot - 70)}\" cy=\"{N(Top + 12)}\" r=\"5\" fill=\"#fff\" stroke=\"{ChartPalette.Ink}\" stroke-width=\"2\"/>")
            .Append(Label(Left + plot - 60, Top + 16, "official", "start", "legend"));
        for (var i = 0; i < regions.Count; i++)
        {
            var colour = ChartPalette.Regions[i % ChartPalette.Regions.Count];
            svg.Append($"<circle cx=\"{N(Left + 12)}\" cy=\"{N(Top + 12 + i * 16)}\" r=\"5\" fill=\"{colour}\"/>")
                .Append(Label(Left + 22, Top + 16 + i * 16, regions[i], "start", "legend"));
        }

        return svg.Append("</svg>").ToString();
    }
}
