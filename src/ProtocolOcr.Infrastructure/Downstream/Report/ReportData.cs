namespace ProtocolOcr.Infrastructure.Downstream.Report;

/// <summary>Everything the report page of one election shows.</summary>
public sealed record ReportData(
    string ElectionId,
    string Title,
    IReadOnlyList<CoverageRow> Coverage,
    IReadOnlyList<RegionDifferenceRow> RegionDifferences,
    IReadOnlyList<PrecinctDifferenceRow> LargestDifferences,
    string? ScatterChoice,
    IReadOnlyList<ScatterPoint> Scatter,
    IReadOnlyList<ShareRow> Shares);
