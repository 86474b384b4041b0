extern alias cli;

using System.CommandLine;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ProtocolOcr.Api.Tests.Harness;
using cli::ProtocolOcr.Cli.Commands;

namespace ProtocolOcr.Api.Tests;

/// <summary>The account verbs of the CLI against a real database, checked through the real API.</summary>
[Collection(ServicesCollection.Name)]
public sealed class PeopleCliTests(ServicesFixture services) : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("protocol-ocr-people-cli-");
    private TestEnvironment _environment = null!;
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        _api = _environment.CreateApi();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Users_add_with_a_password_file_creates_an_account_that_signs_in()
    {
        var passwordFile = Path.Combine(_folder.FullName, "password");
        await File.WriteAllTextAsync(passwordFile, "a long enough passphrase\n");

        var (exitCode, output, _) = await RunAsync("users", "add", "--name", "aigerim", "--role", "operator", "--password-file", passwordFile);

        Assert.Equal(0, exitCode);
        Assert.Contains("Created user 'aigerim' with role operator", output, StringComparison.Ordinal);
        using var client = _api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signIn = await client.LoginAsync("aigerim", "a long enough passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(0, await _environment.ScalarAsync("SELECT count(*) FROM users WHERE password_hash LIKE '%passphrase%'"));
    }

    [Fact]
    public async Task Users_add_refuses_a_password_on_the_command_line_an_unknown_role_and_a_short_password()
    {
        var shortFile = Path.Combine(_folder.FullName, "short");
        await File.WriteAllTextAsync(shortFile, "short");

        var (onArgv, _, _) = await RunAsync("users", "add", "--name", "x", "--role", "operator", "--password", "secret-secret");
        var (badRole, _, _) = await RunAsync("users", "add", "--name", "x", "--role", "superuser", "--password-file", shortFile);
        var (weak, _, weakError) = await RunAsync("users", "add", "--name", "x", "--role", "operator", "--password-file", shortFile);

        Assert.NotEqual(0, onArgv);
        Assert.NotEqual(0, badRole);
        Assert.Equal(1, weak);
        Assert.Contains("weak_password", weakError, StringComparison.Ordinal);
        Assert.Equal(0, await _environment.ScalarAsync("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task Tokens_issue_prints_a_token_that_uploads_and_tokens_revoke_stops_it()
    {
        var (issued, output, _) = await RunAsync("tokens", "issue", "--observer", "Dana");
        Assert.Equal(0, issued);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var token = lines[^1];
        var id = Guid.Parse(lines[0].Split("(id ")[1].Split(')')[0]);
        using var client = _api.CreateObserverClient(token);
        await client.UploadAsync(TestPhotos.Jpeg("cli token"));

        var (revoked, revokeOutput, _) = await RunAsync("tokens", "revoke", "--id", id.ToString());
        using var refused = await client.PostAsync("/api/uploads", UploadForm.Create(TestPhotos.Jpeg("after cli revoke")));

        Assert.Equal(0, revoked);
        Assert.Contains($"Revoked token {id}", revokeOutput, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("revoked_token", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(1, await _environment.ScalarAsync(
            "SELECT count(*) FROM audit_events WHERE entity = 'observer_token' AND entity_id = @id AND reason = 'token revoked'",
            new { id = id.ToString() }));
    }

    [Fact]
    public async Task Tokens_revoke_of_an_unknown_id_fails_with_a_reason()
    {
        var (exitCode, _, error) = await RunAsync("tokens", "revoke", "--id", Guid.NewGuid().ToString());

        Assert.Equal(1, exitCode);
        Assert.Contains("token_not_found", error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { UsersCommand.Create(), TokensCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse([.. args, "--connection", _environment.DatabaseConnectionString])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
