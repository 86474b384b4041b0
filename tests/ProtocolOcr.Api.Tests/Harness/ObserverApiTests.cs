namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// Base of the test classes that need a fresh database and container, the API in process and one observer's client.
/// </summary>
public abstract class ObserverApiTests(ServicesFixture services) : IAsyncLifetime
{
    protected TestEnvironment Environment { get; private set; } = null!;

    protected ApiFactory Api { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment = await TestEnvironment.CreateAsync(services.Postgres, services.Azurite);
        Api = Environment.CreateApi();
        Client = await Environment.CreateObserverClientAsync(Api);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
    }
}
