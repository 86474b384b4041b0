namespace ProtocolOcr.Synthetic.Generation;

/// <summary>A point in photo pixels.</summary>
public sealed record TruthPoint(double X, double Y);
