namespace ProtocolOcr.Recognition.Tesseract;

/// <summary>Tesseract's model names for a form's languages (ISO 639-1 codes in the form definition).</summary>
public static class TesseractLanguages
{
    public static string Of(string isoCode) => isoCode switch
    {
        "kk" => "kaz",
        "ru" => "rus",
        "en" => "eng",
        _ => throw new NotSupportedException($"No Tesseract model is named for language '{isoCode}'."),
    };

    /// <summary>Every language's model, "kaz+rus".</summary>
    public static string Of(IEnumerable<string> isoCodes) => string.Join('+', isoCodes.Select(Of));
}
