using System.Collections.Concurrent;
using System.Diagnostics;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// The real worker (ProtocolOcr.Worker.dll from its own build output) as a separate process on a test's database
/// and container. <see cref="Kill"/> is SIGKILL: no shutdown code runs, as when a machine dies.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output => string.Join('\n', _output);

    public static WorkerProcess Start(
        TestEnvironment environment, int invisibilityTimeoutSeconds = 90, int maxAttempts = 5)
    {
        if (!File.Exists(RepositoryPaths.WorkerAssembly))
        {
            throw new FileNotFoundException("Build the worker first.", RepositoryPaths.WorkerAssembly);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.WorkerAssembly)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryPaths.WorkerAssembly);
        foreach (var (key, value) in environment.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Jobs__InvisibilityTimeoutSeconds"] = invisibilityTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Jobs__WorkerCount"] = "1";
        start.Environment["Jobs__MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PROTOCOLOCR_FORMS"] = Path.Combine(RepositoryPaths.Root, "forms");
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the worker.");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Record(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL, then wait until the process is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: graceful Hangfire shutdown, which requeues a running job at once.
            await ProcessRunner.RunAsync("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
