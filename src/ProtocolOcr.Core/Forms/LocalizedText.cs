namespace ProtocolOcr.Core.Forms;

/// <summary>A label in the form's languages, keyed by ISO 639-1 code (kk, ru, en).</summary>
public sealed record LocalizedText(IReadOnlyDictionary<string, string> ByLanguage)
{
    public static LocalizedText Empty { get; } = new(new Dictionary<string, string>());

    public string this[string language] => ByLanguage.TryGetValue(language, out var text) ? text : "";

    public string Any => ByLanguage.Values.FirstOrDefault() ?? "";
}
