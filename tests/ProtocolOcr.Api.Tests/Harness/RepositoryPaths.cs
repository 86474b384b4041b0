namespace ProtocolOcr.Api.Tests.Harness;

internal static class RepositoryPaths
{
    /// <summary>The folder holding ProtocolOcr.sln, found by walking up from the test's output folder.</summary>
    public static string Root { get; } = WalkUp(dir => File.Exists(Path.Combine(dir, "ProtocolOcr.sln")))
        ?? throw new InvalidOperationException("ProtocolOcr.sln not found above " + AppContext.BaseDirectory);

    private static string? WalkUp(Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
