namespace ProtocolOcr.Cli.Tests;

/// <summary>The checkout this test runs from: the nearest folder upwards that holds ProtocolOcr.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ProtocolOcr.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ProtocolOcr.sln above {AppContext.BaseDirectory}.");
    }
}
