using System.Diagnostics;
using ProtocolOcr.Core;

namespace ProtocolOcr.LocalStack;

/// <summary>Azurite's blob service on a free port, started with node directly so the test holds its PID.</summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string MainScript = Path.Combine(
        DataDirectory.Locate("PROTOCOLOCR_NODE_MODULES", "node_modules",
            folder => File.Exists(Path.Combine(folder, "azurite", "dist", "src", "blob", "main.js")),
            "run `npm ci` in the repository (scripts/setup.sh) or set PROTOCOLOCR_NODE_MODULES."),
        "azurite", "dist", "src", "blob", "main.js");

    private readonly string _location;
    private Process? _process;

    private AzuriteServer(string location, int port)
    {
        _location = location;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync()
    {
        var server = new AzuriteServer(Directory.CreateTempSubdirectory("protocolocr-azurite-").FullName, FreePort.Next());
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the process (again, after <see cref="StopAsync"/>) on the same port and data folder.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _location,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     MainScript,
                     "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--location", _location, "--silent", "--loose", "--skipApiVersionCheck", "--disableTelemetry",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start Azurite.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // Generous: on a saturated machine node alone can take tens of seconds to start.
        await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(120));
    }

    /// <summary>SIGTERM, so Azurite saves its metadata and the blobs are still there after <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
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

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_location, recursive: true);
    }
}
