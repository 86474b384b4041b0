using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProtocolOcr.Api.Downstream;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests.Downstream;

/// <summary>The real API over a test environment, with the contract's policies served by <see cref="TestRoleAuthentication"/>.</summary>
public static class DownstreamApi
{
    public static WebApplicationFactory<Program> Create(TestEnvironment environment) =>
        environment.CreateApi().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(TestRoleAuthentication.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestRoleAuthentication>(TestRoleAuthentication.SchemeName, null);
            services.AddAuthorization(options =>
            {
                options.AddPolicy(DownstreamPolicies.Analyst, policy => policy.RequireRole("analyst", "admin"));
                options.AddPolicy(DownstreamPolicies.Admin, policy => policy.RequireRole("admin"));
            });
        }));

    public static HttpClient Client(WebApplicationFactory<Program> api, string? role)
    {
        var client = api.CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Add(TestRoleAuthentication.Header, role);
        }

        return client;
    }
}
