namespace ProtocolOcr.Api.Downstream;

/// <summary>200 body of an import: every row of the file was stored.</summary>
public sealed record ImportResponse(string Kind, int RowsImported);
