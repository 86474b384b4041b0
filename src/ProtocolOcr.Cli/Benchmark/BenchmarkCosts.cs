namespace ProtocolOcr.Cli.Benchmark;

/// <summary>What a whole run cost: wall seconds for all photos and the process's peak working set.</summary>
public sealed record BenchmarkCosts(double WallSeconds, double PeakMemoryMb);
