namespace ProtocolOcr.Core.Pipeline;

/// <summary>Per-run options. <see cref="DebugDirectory"/>, when set, receives each stage's images (01_decoded.png, ...).</summary>
public sealed record PipelineRunOptions(string? DebugDirectory = null)
{
    public static PipelineRunOptions Default { get; } = new();
}
