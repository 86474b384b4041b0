namespace ProtocolOcr.Infrastructure.Downstream.Report;

public sealed record RegionDifferenceRow(
    string Region, long PrecinctsCompared, long PrecinctsDiffering, long LinesDiffering, long SumDifference, long SumAbsDifference);
