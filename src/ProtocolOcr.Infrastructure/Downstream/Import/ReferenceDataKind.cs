namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary>The reference data files an admin imports; the wire names are <c>elections</c>, <c>precincts</c>, <c>official</c>.</summary>
public enum ReferenceDataKind
{
    Elections,
    Precincts,
    Official,
}
