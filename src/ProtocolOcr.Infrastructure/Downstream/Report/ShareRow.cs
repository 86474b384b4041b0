namespace ProtocolOcr.Infrastructure.Downstream.Report;

/// <summary>A choice's share of the votes in a region, by the observers' protocols and by the official count.</summary>
public sealed record ShareRow(string Region, string FieldId, string Label, double? ObserverShare, double? OfficialShare);
