using Microsoft.AspNetCore.Mvc.Testing;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests.Downstream;

/// <summary>Clients of the real API signed in with a role: staff through the login page, observers with a token.</summary>
public static class DownstreamApi
{
    private static int _users;

    public static async Task<HttpClient> ClientAsync(TestEnvironment environment, ApiFactory api, string? role) => role switch
    {
        null => api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
        "observer" => await environment.CreateObserverClientAsync(api),
        _ => await environment.CreateStaffClientAsync(api, $"{role}{Interlocked.Increment(ref _users)}", role),
    };
}
