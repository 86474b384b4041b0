namespace ProtocolOcr.Infrastructure.Downstream.Results;

/// <summary>One page of a view's rows (column name to value) and how many rows match in all.</summary>
public sealed record ResultPage(int Page, int PageSize, long Total, IReadOnlyList<IReadOnlyDictionary<string, object?>> Items);
