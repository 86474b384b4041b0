namespace ProtocolOcr.Recognition.Tesseract;

/// <summary>One candidate Tesseract considered for a symbol; <see cref="Confidence"/> is Tesseract's 0..100 score.</summary>
public sealed record SymbolChoice(string Text, double Confidence);
