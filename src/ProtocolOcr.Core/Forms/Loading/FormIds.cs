namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>Form ids name files (<c>forms/&lt;id&gt;.yaml</c>): lower-case letters and digits joined by '.', '-', '_'.</summary>
internal static class FormIds
{
    public static bool IsValid(string id) =>
        id.Length > 0
        && char.IsAsciiLetterOrDigit(id[0]) && char.IsAsciiLetterOrDigit(id[^1])
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_');
}
