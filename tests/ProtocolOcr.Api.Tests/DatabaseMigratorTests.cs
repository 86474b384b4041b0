using Npgsql;
using ProtocolOcr.Api.Tests.Harness;
using ProtocolOcr.Infrastructure.Database;

namespace ProtocolOcr.Api.Tests;

[Collection(ServicesCollection.Name)]
public sealed class DatabaseMigratorTests(ServicesFixture services)
{
    [Fact]
    public async Task Fresh_database_gets_every_migration_once_and_a_second_run_applies_nothing()
    {
        var connectionString = await services.Postgres.CreateDatabaseAsync("m_" + Guid.NewGuid().ToString("N"));

        var first = DatabaseMigrator.Migrate(connectionString, TextWriter.Null);
        var second = DatabaseMigrator.Migrate(connectionString, TextWriter.Null);

        Assert.True(first.Successful, first.Error);
        Assert.Contains(first.AppliedScripts, name => name.EndsWith("0001_initial_schema.sql", StringComparison.Ordinal));
        Assert.True(second.Successful, second.Error);
        Assert.Empty(second.AppliedScripts);
    }

    [Fact]
    public async Task Audit_events_cannot_be_changed_or_deleted()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        await environment.ScalarAsync(
            "INSERT INTO audit_events (actor, entity, entity_id, new_value) VALUES ('test', 'upload', 'x', 'queued') RETURNING id");

        var update = await Assert.ThrowsAsync<PostgresException>(
            () => environment.ScalarAsync("UPDATE audit_events SET new_value = 'accepted' RETURNING id"));
        var delete = await Assert.ThrowsAsync<PostgresException>(
            () => environment.ScalarAsync("DELETE FROM audit_events RETURNING id"));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeded_elections_name_their_forms()
    {
        var environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);

        Assert.Equal(1, await environment.ScalarAsync(
            "SELECT count(*) FROM elections WHERE id = 'kz-2019-president' AND form_id = 'kz.president.2019'"));
        Assert.Equal(4, await environment.ScalarAsync("SELECT count(*) FROM elections"));
    }
}
