namespace ProtocolOcr.Core.Recognition;

/// <summary>
/// The result of one pipeline run on one photo: either a rejection with a reason, or the fields read and
/// the relations checked. <see cref="Status"/> is Accepted only when every field is accepted.
/// <see cref="PageCorners"/>, when the pipeline registered the page, are the reference page's corners (top-left,
/// top-right, bottom-right, bottom-left of the form as printed) mapped into the photo by the pipeline's final
/// registration; the benchmark compares them with the truth to measure registration. Null when no page was registered.
/// <see cref="RegistrationScore"/>: how well the photo's printed structure matched the form's reference page (ECC
/// correlation, 0-1), when the pipeline registered against the reference image.
/// <see cref="AlignedPage"/> is the aligned page (reference size, JPEG) when the run was asked to keep it.
/// </summary>
public sealed record ProtocolRecognition(
    string FormId,
    string PipelineVersion,
    ProtocolStatus Status,
    RejectionReason? Rejection,
    IReadOnlyList<FieldReading> Fields,
    IReadOnlyList<RelationCheck> Relations,
    IReadOnlyList<StageTiming> Timings,
    IReadOnlyList<PhotoPoint>? PageCorners = null,
    double? RegistrationScore = null,
    ReadOnlyMemory<byte>? AlignedPage = null);
