namespace ProtocolOcr.Infrastructure.Downstream.Results;

/// <summary>One SQL view offered to downstream tools: its public name, the view, its columns in order and sort key.</summary>
public sealed record ResultView(string Name, string SqlView, IReadOnlyList<string> Columns, string OrderBy)
{
    public bool HasPrecinct => Columns.Contains("precinct");
}
