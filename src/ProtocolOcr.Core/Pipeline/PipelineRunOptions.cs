namespace ProtocolOcr.Core.Pipeline;

/// <summary>
/// Per-run options. <see cref="DebugDirectory"/>, when set, receives each stage's images (01_decoded.png, ...).
/// <see cref="KeepAlignedPage"/> asks for the aligned page as a JPEG in <c>ProtocolRecognition.AlignedPage</c>, for the
/// review desk to cut field crops from.
/// </summary>
public sealed record PipelineRunOptions(string? DebugDirectory = null, bool KeepAlignedPage = false)
{
    public static PipelineRunOptions Default { get; } = new();
}
