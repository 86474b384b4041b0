namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>Finds the forms directory of this installation.</summary>
public static class FormsDirectory
{
    public const string EnvironmentVariable = "PROTOCOLOCR_FORMS";

    /// <summary>
    /// <c>PROTOCOLOCR_FORMS</c> when set; otherwise the nearest <c>forms/</c> folder holding a <c>*.yaml</c> file,
    /// walking up from the application's base directory and then from the current directory.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Neither is found.</exception>
    public static string Locate() => DataDirectory.Locate(
        EnvironmentVariable, "forms", directory => Directory.EnumerateFiles(directory, "*.yaml").Any(), $"set {EnvironmentVariable}.");
}
