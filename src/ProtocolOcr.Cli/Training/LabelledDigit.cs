using ProtocolOcr.Recognition.Handwriting;

namespace ProtocolOcr.Cli.Training;

/// <summary>A normalized digit with its true label and where it came from (for per-source accuracy).</summary>
public sealed record LabelledDigit(NormalizedDigit Digit, int Label, string Source);
