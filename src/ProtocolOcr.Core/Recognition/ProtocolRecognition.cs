namespace ProtocolOcr.Core.Recognition;

/// <summary>
/// The result of one pipeline run on one photo: either a rejection with a reason, or the fields read and
/// the relations checked. <see cref="Status"/> is Accepted only when every field is accepted.
/// </summary>
public sealed record ProtocolRecognition(
    string FormId,
    string PipelineVersion,
    ProtocolStatus Status,
    RejectionReason? Rejection,
    IReadOnlyList<FieldReading> Fields,
    IReadOnlyList<RelationCheck> Relations,
    IReadOnlyList<StageTiming> Timings);
