namespace ProtocolOcr.Infrastructure.Downstream.Report;

/// <summary>A precinct whose official figures differ from the observers' final values, with its largest line.</summary>
public sealed class PrecinctDifferenceRow
{
    public string Region { get; init; } = "";

    public string Precinct { get; init; } = "";

    public long LinesDiffering { get; init; }

    public long SumAbsDifference { get; init; }

    public string LargestLine { get; init; } = "";

    public long LargestObserver { get; init; }

    public long LargestOfficial { get; init; }

    public Guid[] UploadIds { get; init; } = [];
}
