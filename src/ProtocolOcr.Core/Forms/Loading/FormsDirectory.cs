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
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} is '{configured}', which does not exist.");
        }

        return FindUpwards(AppContext.BaseDirectory)
            ?? FindUpwards(Directory.GetCurrentDirectory())
            ?? throw new DirectoryNotFoundException(
                $"No forms directory found above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'; " +
                $"set {EnvironmentVariable}.");
    }

    private static string? FindUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "forms");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yaml").Any())
            {
                return candidate;
            }
        }

        return null;
    }
}
