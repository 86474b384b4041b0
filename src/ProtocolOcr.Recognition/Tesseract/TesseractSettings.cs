namespace ProtocolOcr.Recognition.Tesseract;

/// <summary>How an engine is initialised: model folder, language, page segmentation mode and Tesseract variables.</summary>
public sealed record TesseractSettings(
    string TessdataPath, string Language, int PageSegmentationMode, IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>PSM 7 = one text line; PSM 8 (one word) reads clean digits badly, measured 38%.</summary>
    public const int SingleLine = 7;

    /// <summary>
    /// One line of printed digits, with per-symbol alternatives (lstm_choice_mode 2). The resolution is stated so
    /// Tesseract does not guess it from the crop size.
    /// </summary>
    public static TesseractSettings Digits(string? tessdataPath = null) => new(
        tessdataPath ?? TesseractRuntime.DefaultTessdataPath,
        "eng",
        SingleLine,
        new Dictionary<string, string>
        {
            ["tessedit_char_whitelist"] = "0123456789",
            ["lstm_choice_mode"] = "2",
            ["user_defined_dpi"] = "300",
            ["tessedit_do_invert"] = "0",
        });

    /// <summary>
    /// One line of printed text in the given Tesseract languages (e.g. "rus+kaz"): the form's title lines, read to
    /// confirm which form a photo shows.
    /// </summary>
    public static TesseractSettings TextLine(string languages, string? tessdataPath = null) => new(
        tessdataPath ?? TesseractRuntime.DefaultTessdataPath,
        languages,
        SingleLine,
        new Dictionary<string, string> { ["user_defined_dpi"] = "300" });
}
