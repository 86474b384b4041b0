using Npgsql;
using ProtocolOcr.Api.Tests.Harness;
using ProtocolOcr.Infrastructure.Database;

namespace ProtocolOcr.Api.Tests;

/// <summary>
/// The application's database role (migration 0004): the API and a worker logged in as a member of it do their whole
/// job, and it cannot update, delete, truncate or unprotect audit rows: PostgreSQL refuses by privilege (42501), not
/// only by the trigger.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class AuditRoleTests(ServicesFixture services) : IAsyncLifetime
{
    private const string InsufficientPrivilege = "42501";
    private TestEnvironment _environment = null!;
    private string _applicationConnectionString = null!;

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        var login = "app_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(_environment.DatabaseConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE ROLE {login} LOGIN IN ROLE {DatabaseMigrator.ApplicationRole}", connection);
            await create.ExecuteNonQueryAsync();
        }

        _applicationConnectionString =
            new NpgsqlConnectionStringBuilder(_environment.DatabaseConnectionString) { Username = login, Pooling = false }.ConnectionString;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("UPDATE audit_events SET reason = 'rewritten'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    [InlineData("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change")]
    [InlineData("DROP TRIGGER audit_events_no_change ON audit_events")]
    [InlineData("INSERT INTO schema_versions (scriptname, applied) VALUES ('9999_forged.sql', now())")]
    public async Task The_application_role_cannot_rewrite_history(string statement)
    {
        await _environment.ScalarAsync(
            "INSERT INTO audit_events (actor, entity, entity_id, reason) VALUES ('test', 'upload', 'x', 'kept') RETURNING 1");
        await using var connection = new NpgsqlConnection(_applicationConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(statement, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(InsufficientPrivilege, refused.SqlState);
        Assert.Equal(1, await _environment.ScalarAsync("SELECT count(*) FROM audit_events WHERE reason = 'kept'"));
    }

    [Fact]
    public async Task Api_and_worker_logged_in_with_the_application_role_take_and_process_an_upload()
    {
        var asApplication = new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = _applicationConnectionString };
        await using var api = _environment.CreateApi(asApplication);
        using var client = await _environment.CreateObserverClientAsync(api);
        await using var worker = WorkerProcess.Start(_environment, overrides: asApplication);

        var id = await client.UploadAsync(ProtocolPhotos.Kazakh2019(40).Photo);
        var status = await client.WaitUntilFinishedAsync(id, worker);

        Assert.Contains(status.GetProperty("status").GetString(), new[] { "accepted", "needs_review", "rejected" });
        Assert.Equal(2, await _environment.ScalarAsync(
            "SELECT count(*) FROM audit_events WHERE entity = 'upload' AND entity_id = @id", new { id = id.ToString() }));
    }
}
