namespace ProtocolOcr.Synthetic.Rendering;

/// <summary>Printed captions over the number and words columns, per language (English when a language is not listed).</summary>
internal static class ColumnCaptions
{
    private static readonly Dictionary<string, (string Digits, string Words)> ByLanguage = new(StringComparer.Ordinal)
    {
        ["kk"] = ("Цифрмен", "Жазбаша"),
        ["ru"] = ("Цифрами", "Прописью"),
        ["en"] = ("In figures", "In words"),
    };

    public static (string Digits, string Words) For(IEnumerable<string> languages)
    {
        var captions = languages.Select(l => ByLanguage.GetValueOrDefault(l, ByLanguage["en"])).Distinct().ToList();
        return (string.Join(" / ", captions.Select(c => c.Digits)), string.Join(" / ", captions.Select(c => c.Words)));
    }
}
