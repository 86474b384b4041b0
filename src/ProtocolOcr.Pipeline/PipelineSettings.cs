namespace ProtocolOcr.Pipeline;

/// <summary>
/// Decision thresholds. <see cref="AcceptConfidence"/> is the least field confidence (0..1) accepted without a person;
/// 0.85 keeps Tesseract's clean printed digits (0.9+) and sends hesitant readings to review.
/// <see cref="MostSuspectsInFailedRelation"/>: in an error relation that fails, the fields the arithmetic does not
/// vouch for stay in review and the rest are accepted only while there are at most this many suspects; with more, the
/// whole relation goes to review (DEV phone/hard handwritten: 2 kept every silent error of the hard set out, see FieldDecider).
/// <see cref="LeastExplainedFailure"/>: inside a failing relation, a value is cleared only when a misread the arithmetic
/// places is at least this likely an account of the failure as "the protocol itself is wrong" (0.5: the likelier of the two).
/// </summary>
public sealed record PipelineSettings(double AcceptConfidence = 0.85, int MostSuspectsInFailedRelation = 2, double LeastExplainedFailure = 0.5)
{
    public static PipelineSettings Default { get; } = new();
}
