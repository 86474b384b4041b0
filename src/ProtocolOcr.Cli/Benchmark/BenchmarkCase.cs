using ProtocolOcr.Synthetic.Generation;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>A photo and its ground truth.</summary>
public sealed record BenchmarkCase(string PhotoPath, PhotoTruth Truth);
