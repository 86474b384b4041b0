using ProtocolOcr.Core;

namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// Finds the repository's <c>node_modules</c> folder: <c>PROTOCOLOCR_NODE_MODULES</c> if set, otherwise the first
/// <c>node_modules</c> found walking up from the application's base directory, then from the current directory.
/// </summary>
public static class NodeModulesLocator
{
    public const string EnvironmentVariable = "PROTOCOLOCR_NODE_MODULES";

    public static string Locate() => DataDirectory.Locate(
        EnvironmentVariable, "node_modules", _ => true, $"run `npm ci` in the repository or set {EnvironmentVariable}.");
}
