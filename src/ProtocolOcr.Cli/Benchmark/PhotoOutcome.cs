using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Synthetic.Generation;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>What the pipeline made of one photo, and what it cost (wall and process CPU seconds).</summary>
public sealed record PhotoOutcome(PhotoTruth Truth, ProtocolRecognition Recognition, double WallSeconds, double CpuSeconds);
