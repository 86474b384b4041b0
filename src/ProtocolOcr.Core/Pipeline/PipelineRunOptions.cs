namespace ProtocolOcr.Core.Pipeline;

/// <summary>
/// Per-run options. <see cref="DebugDirectory"/>, when set, receives each stage's images (01_decoded.png, ...).
/// <see cref="KeepAlignedPage"/> asks for the aligned page as a JPEG in <c>ProtocolRecognition.AlignedPage</c>, for the
/// review desk to cut field crops from. <see cref="StatedPrecinct"/> is the precinct the sender named with the photo
/// (uploads.precinct): a second witness for the form's precinct number (its code fields), null when unknown.
/// </summary>
public sealed record PipelineRunOptions(string? DebugDirectory = null, bool KeepAlignedPage = false, string? StatedPrecinct = null)
{
    public static PipelineRunOptions Default { get; } = new();
}
