namespace ProtocolOcr.Core.Recognition;

public sealed record StageTiming(string Stage, double Milliseconds);
