namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// Finds the repository's <c>node_modules</c> folder: <c>PROTOCOLOCR_NODE_MODULES</c> if set, otherwise the first
/// <c>node_modules</c> found walking up from the application's base directory, then from the current directory.
/// </summary>
public static class NodeModulesLocator
{
    public const string EnvironmentVariable = "PROTOCOLOCR_NODE_MODULES";

    public static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} points at '{fromEnvironment}', which does not exist.");
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "node_modules");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No node_modules folder above '{AppContext.BaseDirectory}' or the current directory; run `npm ci` in the repository or set {EnvironmentVariable}.");
    }
}
