namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary>
/// The outcome of one file: either every row imported (<see cref="Errors"/> empty) or nothing imported and every
/// refused row listed.
/// </summary>
public sealed record ImportResult(ReferenceDataKind Kind, int RowsImported, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
