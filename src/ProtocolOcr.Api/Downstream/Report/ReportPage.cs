using System.Globalization;
using System.Text;
using ProtocolOcr.Infrastructure.Downstream.Report;
using static ProtocolOcr.Api.Downstream.Report.Svg;

namespace ProtocolOcr.Api.Downstream.Report;

/// <summary>The election report as one self-contained HTML page (inline CSS and SVG, no script).</summary>
internal static class ReportPage
{
    public static string Render(ReportData data, IReadOnlyDictionary<string, string> manifestHashes)
    {
        var totals = (
            Precincts: data.Coverage.Sum(c => c.Precincts), Photos: data.Coverage.Sum(c => c.WithPhotos),
            Verified: data.Coverage.Sum(c => c.Verified), Review: data.Coverage.Sum(c => c.NeedingReview));
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Text(data.Title)} · ProtocolOcr report</title>
            <style>{Css}</style></head><body>
            <header><p class="eyebrow">ProtocolOcr · observers' protocols against the official count</p>
            <h1>{Text(data.Title)}</h1>
            <div class="kpis">
              {Kpi(totals.Precincts, "precincts in the registry")}
              {Kpi(totals.Photos, "with an observer's photo")}
              {Kpi(totals.Verified, "verified protocols")}
              {Kpi(totals.Review, "waiting for review")}
              {Kpi(data.RegionDifferences.Sum(r => r.SumAbsDifference), "votes differing from the official count")}
            </div></header>
            <main>
            <section class="grid">
              <article><h2>Coverage by region</h2><p class="note">Share of the registry's precincts with a verified protocol.</p>{CoverageChart.Render(data.Coverage)}</article>
              <article><h2>Discrepancies by region</h2><p class="note">Sum of |official − observers| over verified precincts;
                <span class="swatch" style="background:{ChartPalette.OfficialHigher}"></span> official higher overall,
                <span class="swatch" style="background:{ChartPalette.OfficialLower}"></span> lower.</p>{DifferenceChart.Render(data.RegionDifferences)}</article>
            </section>
            """);
        AppendLargestDifferences(html, data, manifestHashes);
        html.Append("<section class=\"grid\">");
        html.Append(data.ScatterChoice is null
            ? "<article><h2>Turnout and vote share</h2><p class=\"note\">No verified precinct yet.</p></article>"
            : $"<article><h2>Turnout and vote share</h2><p class=\"note\">One dot per verified precinct, {Text(data.ScatterChoice)}; a ring where the official count puts the precinct instead.</p>{ScatterChart.Render(data.Scatter, data.ScatterChoice)}</article>");
        AppendShares(html, data);
        html.Append("</section></main><footer>Figures from the views described in docs/database.md. Each evidence package's manifest SHA-256 is printed next to its link: ")
            .Append("unpack the zip, hash <code>manifest.json</code>, compare, then check every file against the manifest.</footer></body></html>");
        return html.ToString();
    }

    private static void AppendLargestDifferences(StringBuilder html, ReportData data, IReadOnlyDictionary<string, string> manifestHashes)
    {
        html.Append("<section><article><h2>Largest differences per precinct</h2>");
        if (data.LargestDifferences.Count == 0)
        {
            html.Append("<p class=\"note\">No verified precinct differs from the official count.</p></article></section>");
            return;
        }

        html.Append("""
            <table><thead><tr><th>Region</th><th>Precinct</th><th class="num">Lines</th><th class="num">Σ |diff|</th>
            <th>Largest line</th><th class="num">Observers</th><th class="num">Official</th><th>Photos</th><th>Evidence (manifest SHA-256)</th></tr></thead><tbody>
            """);
        foreach (var row in data.LargestDifferences)
        {
            var query = $"election={Uri.EscapeDataString(data.ElectionId)}&region={Uri.EscapeDataString(row.Region)}&precinct={Uri.EscapeDataString(row.Precinct)}";
            var photos = string.Join(" ", row.UploadIds.Select((id, i) => $"<a href=\"/api/photos/{id}\">photo {i + 1}</a>"));
            var hash = manifestHashes.GetValueOrDefault(row.Region + "/" + row.Precinct, "");
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{Text(row.Region)}</td><td>{Text(row.Precinct)}</td><td class="num">{row.LinesDiffering}</td>
                <td class="num strong">{row.SumAbsDifference:N0}</td><td>{Text(row.LargestLine)}</td>
                <td class="num">{row.LargestObserver:N0}</td><td class="num">{row.LargestOfficial:N0}</td><td>{photos}</td>
                <td><a href="/api/evidence?{Text(query)}">zip</a> <code class="hash" title="{hash}">{hash[..Math.Min(16, hash.Length)]}…</code></td></tr>
                """);
        }

        html.Append("</tbody></table></article></section>");
    }

    /// <summary>Per region, the two leading choices' shares by observers and officially, and the gap in points.</summary>
    private static void AppendShares(StringBuilder html, ReportData data)
    {
        html.Append("<article><h2>Shares by region: observers vs official</h2>");
        if (data.Shares.Count == 0)
        {
            html.Append("<p class=\"note\">No verified precinct with official results yet.</p></article>");
            return;
        }

        var leaders = data.Shares.GroupBy(s => s.FieldId)
            .OrderByDescending(g => g.Sum(s => s.ObserverShare ?? 0))
            .Take(2)
            .Select(g => (FieldId: g.Key, Label: ShortName(g.First().Label)))
            .ToList();
        html.Append("<p class=\"note\">Share of the valid votes in the same verified precincts; Δ = official − observers, in points.</p>")
            .Append("<table><thead><tr><th rowspan=\"2\">Region</th>");
        foreach (var leader in leaders)
        {
            html.Append($"<th colspan=\"3\" class=\"group\">{Text(leader.Label)}</th>");
        }

        html.Append("</tr><tr>");
        foreach (var _ in leaders)
        {
            html.Append("<th class=\"num\">observers</th><th class=\"num\">official</th><th class=\"num\">Δ</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var region in data.Shares.Select(s => s.Region).Distinct())
        {
            html.Append($"<tr><td>{Text(region)}</td>");
            foreach (var leader in leaders)
            {
                var row = data.Shares.FirstOrDefault(s => s.Region == region && s.FieldId == leader.FieldId);
                var delta = (row?.OfficialShare ?? 0) - (row?.ObserverShare ?? 0);
                var css = Math.Abs(delta) >= 1 ? (delta > 0 ? "up" : "down") : "";
                html.Append(CultureInfo.InvariantCulture,
                    $"<td class=\"num\">{row?.ObserverShare:0.0}%</td><td class=\"num\">{row?.OfficialShare:0.0}%</td><td class=\"num {css}\">{delta:+0.0;−0.0;0.0}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></article>");
    }

    /// <summary>Surname and first name of a candidate's full label, so the table stays narrow.</summary>
    private static string ShortName(string label) => string.Join(' ', label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));

    private static string Kpi(long value, string label) =>
        string.Create(CultureInfo.InvariantCulture, $"<div class=\"kpi\"><b>{value:N0}</b><span>{Text(label)}</span></div>");

    private const string Css = """
        :root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--bg:#f5f7fa}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 "DejaVu Sans",system-ui,sans-serif;color:var(--ink);background:var(--bg)}
        header{background:#102a43;color:#fff;padding:28px 40px 24px}header h1{margin:4px 0 18px;font-size:26px;font-weight:600}
        .eyebrow{margin:0;color:#9fb3c8;font-size:13px;letter-spacing:.04em;text-transform:uppercase}
        .kpis{display:flex;gap:14px;flex-wrap:wrap}.kpi{background:#243b53;border-radius:8px;padding:10px 16px;min-width:150px}
        .kpi b{display:block;font-size:24px}.kpi span{color:#bcccdc;font-size:12px}
        main{padding:24px 40px;max-width:1280px}section{margin-bottom:22px}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:22px}
        article{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 22px}
        h2{margin:0 0 4px;font-size:17px}.note{margin:0 0 12px;color:var(--muted);font-size:13px}
        svg{width:100%;height:auto;font-size:12px}.axis{fill:var(--muted)}.value{fill:var(--ink);font-weight:600}
        .legend{fill:var(--ink)}.axis-title{fill:var(--muted);font-size:12px}
        table{width:100%;border-collapse:collapse;font-size:13px}th{text-align:left;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line);padding:6px 8px}
        td{border-bottom:1px solid var(--line);padding:6px 8px}th.group{text-align:center;border-bottom:1px solid var(--line)}.num{text-align:right;font-variant-numeric:tabular-nums}.strong{font-weight:700}
        .up{color:#b23c00;font-weight:600}.down{color:#005a8c;font-weight:600}a{color:#0063a6}
        code.hash{font-size:11px;color:var(--muted)}.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;vertical-align:middle}
        footer{padding:0 40px 30px;color:var(--muted);font-size:12px}
        """;
}
