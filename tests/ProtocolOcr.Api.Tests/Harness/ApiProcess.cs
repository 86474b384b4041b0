using System.Globalization;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// The real API (ProtocolOcr.Api.dll) as its own process on Kestrel and a free loopback port: what a socket does to it,
/// and how much memory it takes, is measured on that process alone.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly ServiceProcess _process;

    private ApiProcess(ServiceProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    public double PeakMemoryMegabytes => _process.PeakMemoryMegabytes;

    public static async Task<ApiProcess> StartAsync(
        TestEnvironment environment, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var port = FreePort.Next();
        var settings = new Dictionary<string, string>(environment.Settings)
        {
            ["urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var process = ServiceProcess.Start(ServiceAssemblies.Api, settings);
        try
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new ApiProcess(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
