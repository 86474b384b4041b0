namespace ProtocolOcr.Infrastructure.Downstream.Consensus;

/// <summary>
/// The final value of one field of a precinct and its provenance: the uploads that carry it, how many photos agree
/// and the combined confidence. <see cref="Value"/> is null when the uploads disagree; <see cref="Disagreement"/>
/// then lists each upload's value.
/// </summary>
public sealed record FieldConsensus(
    string FieldId,
    long? Value,
    string Source,
    IReadOnlyList<Guid> UploadIds,
    int AgreeingPhotos,
    double Confidence,
    IReadOnlyList<UploadValue>? Disagreement);
