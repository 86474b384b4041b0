namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>One private PostgreSQL and one Azurite for the test classes of <see cref="ServicesCollection"/>.</summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;

    public AzuriteServer Azurite { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = await PostgresServer.StartAsync();
        Azurite = await AzuriteServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Azurite.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
