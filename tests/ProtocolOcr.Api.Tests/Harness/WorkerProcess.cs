using System.Globalization;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// The real worker (ProtocolOcr.Worker.dll from its own build output) as a separate process on a test's database
/// and container. <see cref="KillAsync"/> is SIGKILL: no shutdown code runs, as when a machine dies.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly ServiceProcess _process;

    private WorkerProcess(ServiceProcess process) => _process = process;

    public int Id => _process.Id;

    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    public double PeakMemoryMegabytes => _process.PeakMemoryMegabytes;

    public static WorkerProcess Start(
        TestEnvironment environment, int invisibilityTimeoutSeconds = 90, int maxAttempts = 5,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>(environment.Settings)
        {
            ["Jobs:InvisibilityTimeoutSeconds"] = invisibilityTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["Jobs:WorkerCount"] = "1",
            ["Jobs:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture),
            ["PROTOCOLOCR_FORMS"] = Path.Combine(RepositoryPaths.Root, "forms"),
            ["DOTNET_ENVIRONMENT"] = "Development",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return new WorkerProcess(ServiceProcess.Start(ServiceAssemblies.Worker, settings));
    }

    /// <summary>SIGKILL, then wait until the process is gone.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>SIGTERM: graceful Hangfire shutdown, which requeues a running job at once.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
