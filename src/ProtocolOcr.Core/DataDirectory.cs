namespace ProtocolOcr.Core;

/// <summary>
/// Finds a folder of data this installation ships (forms, models, npm tooling): the folder an environment variable
/// names, otherwise the nearest match walking up from the application's base directory, then from the current one.
/// </summary>
public static class DataDirectory
{
    /// <param name="environmentVariable">Overrides the search when set; must name an existing folder.</param>
    /// <param name="relativePath">The folder looked for below each ancestor, e.g. <c>tessdata/digits</c>.</param>
    /// <param name="isComplete">Whether a found folder holds what is needed (e.g. a model file).</param>
    /// <param name="whatToDo">The end of the error message: how a person provides the folder.</param>
    /// <exception cref="DirectoryNotFoundException">The variable names a missing folder, or no match is found.</exception>
    public static string Locate(string environmentVariable, string relativePath, Func<string, bool> isComplete, string whatToDo)
    {
        var configured = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"{environmentVariable} is '{configured}', which does not exist.");
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relativePath);
                if (Directory.Exists(candidate) && isComplete(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No {relativePath} found above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'; {whatToDo}");
    }
}
