namespace ProtocolOcr.Recognition.Tesseract;

/// <summary>What Tesseract read in one line image, symbol by symbol.</summary>
public sealed record TesseractLine(IReadOnlyList<TesseractSymbol> Symbols)
{
    public string Text => string.Concat(Symbols.Select(s => s.Text));
}
