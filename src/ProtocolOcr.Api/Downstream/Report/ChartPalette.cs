namespace ProtocolOcr.Api.Downstream.Report;

/// <summary>Colours of the report; colour-blind-safe (Okabe-Ito) for the categories.</summary>
internal static class ChartPalette
{
    public const string Verified = "#009E73";
    public const string NeedsReview = "#E69F00";
    public const string Incomplete = "#56B4E9";
    public const string NoPhoto = "#E4E7EB";
    public const string OfficialHigher = "#D55E00";
    public const string OfficialLower = "#0072B2";
    public const string Grid = "#D8DDE3";
    public const string Ink = "#1F2933";

    public static IReadOnlyList<string> Regions { get; } = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
}
