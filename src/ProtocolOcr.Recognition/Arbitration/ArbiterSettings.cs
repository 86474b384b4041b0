namespace ProtocolOcr.Recognition.Arbitration;

/// <summary>
/// Thresholds of <see cref="EngineArbiter"/>. HandwrittenSureDigitConfidence is the digit engine's own accept point,
/// set on a validation slice of MNIST Train (tessdata/digits/README.md); a field of n digits is sure at its n-th power.
/// </summary>
public sealed record ArbiterSettings(
    double PrintedSureConfidence = 0.90,
    double HandwrittenSureDigitConfidence = 0.9976,
    double OtherUnsureBelow = 0.60)
{
    public static ArbiterSettings Default { get; } = new();
}
