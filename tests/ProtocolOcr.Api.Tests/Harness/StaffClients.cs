using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>Authenticated clients: an observer's bearer token, or a staff cookie obtained through the real login page.</summary>
internal static partial class StaffClients
{
    public const string DefaultPassword = "correct horse battery";

    public static HttpClient CreateObserverClient(this ApiFactory api, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> CreateStaffClientAsync(this ApiFactory api, string name, string password)
    {
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.LoginAsync(name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"sign-in as {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Fetches the login page for its antiforgery token, then posts the form as a browser would.</summary>
    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string name, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        });
        return await client.PostAsync("/account/login", form);
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryInput().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
