namespace ProtocolOcr.Infrastructure.Downstream.Results;

/// <summary>Optional equality filters; null means any.</summary>
public sealed record ResultFilter(string? ElectionId, string? Region, string? Precinct);
