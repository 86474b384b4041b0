using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// The real API in process, configured through host settings (read before Program's own code runs); a test may
/// replace services, only to inject a fault a real part cannot produce.
/// </summary>
public sealed class ApiFactory(
    IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? replaceServices = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (replaceServices is not null)
        {
            builder.ConfigureTestServices(replaceServices);
        }
    }
}
