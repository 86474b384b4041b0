using System.Globalization;
using System.Net;

namespace ProtocolOcr.Api.Downstream.Report;

/// <summary>Small helpers for writing SVG by hand: invariant numbers and escaped text.</summary>
internal static class Svg
{
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Text(string text) => WebUtility.HtmlEncode(text);

    public static string Label(double x, double y, string text, string anchor = "start", string css = "") =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" class=\"{css}\">{Text(text)}</text>";

    public static string Rect(double x, double y, double width, double height, string fill, string title) =>
        $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(height)}\" fill=\"{fill}\" rx=\"2\"><title>{Text(title)}</title></rect>";
}
