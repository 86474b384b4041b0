using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ProtocolOcr.LocalStack;

/// <summary>
/// A .NET service (the API or the worker, from its build output) run as a separate process with its settings in the
/// environment; its output is kept for diagnostics and its peak memory read from /proc.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private long _peakKilobytes;

    private ServiceProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _output);

    /// <summary>Starts <c>dotnet <paramref name="assembly"/></c>; setting keys use ':' and become '__' variables.</summary>
    public static ServiceProcess Start(string assembly, IReadOnlyDictionary<string, string> settings)
    {
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"Build {Path.GetFileNameWithoutExtension(assembly)} first.", assembly);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {assembly}.");
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Record(e.Data);
        process.ErrorDataReceived += (_, e) => service.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>
    /// The most resident memory the process has had (VmHWM), in MB; remembered, so it can be read after the process ended
    /// as long as it was sampled (by this property or <see cref="StopAsync"/>) while it ran.
    /// </summary>
    public double PeakMemoryMegabytes
    {
        get
        {
            SamplePeakMemory();
            return Interlocked.Read(ref _peakKilobytes) / 1024.0;
        }
    }

    /// <summary>SIGKILL, then wait until the process is gone: no shutdown code runs, as when a machine dies.</summary>
    public async Task KillAsync()
    {
        SamplePeakMemory();
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM (graceful shutdown), SIGKILL if it has not ended within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        SamplePeakMemory();
        await ProcessRunner.RunAsync("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
        using var timeout = new CancellationTokenSource(grace);
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

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(40));
        _process.Dispose();
    }

    private void SamplePeakMemory()
    {
        string[] status;
        try
        {
            status = File.ReadAllLines($"/proc/{Id}/status");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // the process has ended; the last sample stands
        }

        var line = status.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is not null && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], out var kilobytes)
            && kilobytes > Interlocked.Read(ref _peakKilobytes))
        {
            Interlocked.Exchange(ref _peakKilobytes, kilobytes);
        }
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
