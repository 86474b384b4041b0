namespace ProtocolOcr.Api.Tests.Harness;

internal static class RepositoryPaths
{
    /// <summary>The folder holding ProtocolOcr.sln, found by walking up from the test's output folder.</summary>
    public static string Root { get; } = WalkUp(dir => File.Exists(Path.Combine(dir, "ProtocolOcr.sln")))
        ?? throw new InvalidOperationException("ProtocolOcr.sln not found above " + AppContext.BaseDirectory);

    /// <summary>The nearest node_modules with Azurite, walking up (a worktree may link the main one).</summary>
    public static string NodeModules { get; } =
        (WalkUp(dir => File.Exists(Path.Combine(dir, "node_modules", "azurite", "dist", "src", "blob", "main.js")))
            ?? throw new InvalidOperationException("node_modules/azurite not found; run npm ci (scripts/setup.sh)."))
        + "/node_modules";

    /// <summary>Build configuration of this test run (Debug/Release), read from the output path.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent?.Name ?? "Debug";

    public static string WorkerAssembly { get; } = Path.Combine(
        Root, "src", "ProtocolOcr.Worker", "bin", Configuration, "net10.0", "ProtocolOcr.Worker.dll");

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
