namespace ProtocolOcr.Pipeline;

/// <summary>
/// Decision thresholds. <see cref="AcceptConfidence"/> is the least field confidence (0..1) accepted without a person;
/// 0.85 keeps Tesseract's clean printed digits (0.9+) and sends hesitant readings to review.
/// </summary>
public sealed record PipelineSettings(double AcceptConfidence = 0.85)
{
    public static PipelineSettings Default { get; } = new();
}
