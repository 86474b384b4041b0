namespace ProtocolOcr.Infrastructure.Downstream.Consensus;

/// <summary>The merged result of all usable uploads of one precinct.</summary>
public sealed record PrecinctConsensus(string Status, IReadOnlyList<Guid> UploadIds, IReadOnlyList<FieldConsensus> Fields);
