using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProtocolOcr.Api.Security;
using ProtocolOcr.Api.Tests.Harness;

namespace ProtocolOcr.Api.Tests;

/// <summary>
/// Access rules checked over every API endpoint the application maps (read from its routing table, so endpoints added
/// later are covered without a new test): no token is 401, a revoked token is 401, an observer gets nothing meant for
/// staff (review, export, administration), an analyst changes nothing.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class AccessRulesTests(ServicesFixture services) : IAsyncLifetime
{
    private static readonly string[] StaffPolicies =
        [AuthorizationPolicies.Operator, AuthorizationPolicies.Analyst, AuthorizationPolicies.Admin, AuthorizationPolicies.Staff];

    private TestEnvironment _environment = null!;
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        _api = _environment.CreateApi();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Every_api_endpoint_answers_401_without_a_token_and_with_a_revoked_one()
    {
        using var anonymous = _api.CreateClient();
        var revoked = await _environment.IssueObserverTokenAsync("revoked observer");
        await _environment.RevokeObserverTokenAsync(revoked.Id);
        using var revokedClient = _api.CreateObserverClient(revoked.Token);
        var endpoints = ApiEndpoints();
        Assert.NotEmpty(endpoints);

        foreach (var (method, path, _) in endpoints)
        {
            using var noToken = await anonymous.SendAsync(new HttpRequestMessage(method, path));
            Assert.True(noToken.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without a token: {(int)noToken.StatusCode}");
            using var withRevoked = await revokedClient.SendAsync(new HttpRequestMessage(method, path));
            Assert.True(withRevoked.StatusCode == HttpStatusCode.Unauthorized,
                $"{method} {path} with a revoked token: {(int)withRevoked.StatusCode}");
            Assert.Contains("revoked_token", await withRevoked.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task An_observer_token_opens_no_staff_endpoint_or_page()
    {
        using var observer = await _environment.CreateObserverClientAsync(_api, "curious observer");
        var staffOnly = ApiEndpoints().Where(e => e.Policies.Intersect(StaffPolicies).Any())
            .Select(e => (e.Method, e.Path))
            .Append((HttpMethod.Get, "/"))
            .Append((HttpMethod.Get, "/hangfire"));

        foreach (var (method, path) in staffOnly)
        {
            using var response = await observer.SendAsync(new HttpRequestMessage(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"observer {method} {path}: {(int)response.StatusCode}");
        }
    }

    /// <summary>Endpoints an analyst may call with a method other than GET (Analyst or Staff policy) are left out.</summary>
    [Fact]
    public async Task An_analyst_can_change_nothing()
    {
        using var analyst = await _environment.CreateStaffClientAsync(_api, "analyst-ana", "analyst");
        var changing = ApiEndpoints().Where(e => e.Method != HttpMethod.Get
            && !e.Policies.Contains(AuthorizationPolicies.Analyst) && !e.Policies.Contains(AuthorizationPolicies.Staff)).ToList();
        Assert.NotEmpty(changing);

        foreach (var (method, path, policies) in changing)
        {
            using var response = await analyst.SendAsync(new HttpRequestMessage(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden,
                $"analyst {method} {path} ({string.Join(',', policies)}): {(int)response.StatusCode}");
        }
    }

    /// <summary>Every mapped route under /api with its method, a concrete path (route values filled) and its policies.</summary>
    private List<(HttpMethod Method, string Path, IReadOnlyList<string> Policies)> ApiEndpoints()
    {
        var sources = _api.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (
                new HttpMethod(method),
                ConcretePath(e.RoutePattern.RawText!),
                (IReadOnlyList<string>)e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "").ToList())))
            .ToList();
    }

    private static string ConcretePath(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]+\\}", Guid.CreateVersion7().ToString());
}
