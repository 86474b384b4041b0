namespace ProtocolOcr.Infrastructure.Uploads;

/// <summary>A row of <c>elections</c>.</summary>
public sealed record Election(string Id, string FormId, string Title);
