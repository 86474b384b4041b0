using System.Globalization;
using ProtocolOcr.Core.Forms.Loading;
using Npgsql;
using ProtocolOcr.Infrastructure.Database;
using ProtocolOcr.Infrastructure.People;
using ProtocolOcr.LocalStack;

namespace ProtocolOcr.Cli.Loadtest;

/// <summary>
/// Everything the load test runs against, private to it and on loopback: a PostgreSQL cluster, Azurite, the API
/// process and the worker processes. Disposing stops what it started (workers and API gracefully, servers by PID).
/// </summary>
public sealed class LoadStack : IAsyncDisposable
{
    public const string Container = "loadtest-photos";
    private readonly List<ServiceProcess> _workers = [];

    private LoadStack(PostgresServer postgres, AzuriteServer azurite, string databaseConnectionString)
    {
        Postgres = postgres;
        Azurite = azurite;
        DatabaseConnectionString = databaseConnectionString;
    }

    public PostgresServer Postgres { get; }

    public AzuriteServer Azurite { get; }

    public string DatabaseConnectionString { get; }

    public ServiceProcess? Api { get; private set; }

    public Uri ApiAddress { get; private set; } = null!;

    public IReadOnlyList<ServiceProcess> Workers => _workers;

    /// <summary>Observer tokens, one per simulated phone, issued as an admin would.</summary>
    public IReadOnlyList<string> ObserverTokens { get; private set; } = [];

    public static async Task<LoadStack> StartAsync(LoadtestSettings settings, TextWriter log)
    {
        var postgres = await PostgresServer.StartAsync();
        AzuriteServer? azurite = null;
        try
        {
            azurite = await AzuriteServer.StartAsync();
            var database = await postgres.CreateDatabaseAsync("loadtest");
            var migration = DatabaseMigrator.Migrate(database, TextWriter.Null);
            if (!migration.Successful)
            {
                throw new InvalidOperationException($"Migration failed: {migration.Error}");
            }

            var stack = new LoadStack(postgres, azurite, database);
            await log.WriteLineAsync($"PostgreSQL on port {postgres.Port}, Azurite on port {azurite.Port}");
            stack.ObserverTokens = await IssueTokensAsync(database, settings.Phones);
            await stack.StartServicesAsync(settings);
            return stack;
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            await postgres.DisposeAsync();
            throw;
        }
    }

    public IReadOnlyDictionary<string, string> StorageSettings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Postgres"] = DatabaseConnectionString,
        ["ConnectionStrings:Blobs"] = Azurite.ConnectionString,
        ["Blobs:Container"] = Container,
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_workers.Select(w => w.DisposeAsync().AsTask()));
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        await Azurite.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    private static async Task<IReadOnlyList<string>> IssueTokensAsync(string database, int count)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        var tokens = new ObserverTokenRepository(dataSource, TimeProvider.System);
        var issued = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            issued.Add((await tokens.IssueAsync($"loadtest-phone-{i}", "loadtest", CancellationToken.None)).Token);
        }

        return issued;
    }

    private async Task StartServicesAsync(LoadtestSettings settings)
    {
        var port = FreePort.Next();
        var api = new Dictionary<string, string>(StorageSettings) { ["urls"] = $"http://127.0.0.1:{port}" };
        Api = ServiceProcess.Start(ServiceAssemblies.Api, api);
        ApiAddress = new Uri($"http://127.0.0.1:{port}/");
        await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60));

        var worker = new Dictionary<string, string>(StorageSettings)
        {
            ["Jobs:WorkerCount"] = settings.ThreadsPerWorker.ToString(CultureInfo.InvariantCulture),
            [FormsDirectory.EnvironmentVariable] = FormsDirectory.Locate(),
        };
        for (var i = 0; i < settings.Workers; i++)
        {
            _workers.Add(ServiceProcess.Start(ServiceAssemblies.Worker, worker));
        }
    }
}
