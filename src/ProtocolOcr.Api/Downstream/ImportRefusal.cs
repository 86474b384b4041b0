using ProtocolOcr.Infrastructure.Downstream.Import;

namespace ProtocolOcr.Api.Downstream;

/// <summary>422 body of a refused import: nothing was imported, and why each bad row was refused.</summary>
public sealed record ImportRefusal(string Error, string Message, IReadOnlyList<ImportRowError> Rows);
