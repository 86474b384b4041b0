using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Recognition.Tesseract;

/// <summary>A recognised symbol: its text, confidence (0..100), the candidates considered, and its box in the image read.</summary>
public sealed record TesseractSymbol(string Text, double Confidence, IReadOnlyList<SymbolChoice> Choices, BoxRect Box);
