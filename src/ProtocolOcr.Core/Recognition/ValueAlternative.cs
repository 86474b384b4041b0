namespace ProtocolOcr.Core.Recognition;

/// <summary>A candidate value for a field with its probability-like score (0..1).</summary>
public sealed record ValueAlternative(long Value, double Confidence);
