using ProtocolOcr.Core;

namespace ProtocolOcr.LocalStack;

/// <summary>
/// The API's and the worker's build outputs in the source tree (same configuration as this code), found walking up
/// from the application or the current folder; <c>PROTOCOLOCR_API_BIN</c> / <c>PROTOCOLOCR_WORKER_BIN</c> name
/// another output folder.
/// </summary>
public static class ServiceAssemblies
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string Api => Locate("ProtocolOcr.Api", "PROTOCOLOCR_API_BIN");

    public static string Worker => Locate("ProtocolOcr.Worker", "PROTOCOLOCR_WORKER_BIN");

    private static string Locate(string project, string variable)
    {
        var assembly = project + ".dll";
        var folder = DataDirectory.Locate(variable, Path.Combine("src", project, "bin", Configuration, "net10.0"),
            candidate => File.Exists(Path.Combine(candidate, assembly)),
            $"build {project} ({Configuration}) in the source tree or set {variable}.");
        return Path.Combine(folder, assembly);
    }
}
