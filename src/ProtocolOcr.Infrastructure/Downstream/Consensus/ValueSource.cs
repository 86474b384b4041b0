namespace ProtocolOcr.Infrastructure.Downstream.Consensus;

/// <summary>Where a candidate or final value comes from; the strings are the stored <c>source</c> values.</summary>
public static class ValueSource
{
    public const string Ocr = "ocr";
    public const string Operator = "operator";
    public const string Disagreement = "disagreement";
}
