namespace ProtocolOcr.Synthetic.Rendering;

/// <summary>A paragraph of form text in one font; it wraps at spaces.</summary>
public sealed record TextRun(string Text, string FontPath);
