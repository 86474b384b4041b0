namespace ProtocolOcr.Core.Forms.Loading;

internal static class LanguageCodes
{
    public static bool IsValid(string code) => code.Length == 2 && code.All(char.IsAsciiLetterLower);
}
