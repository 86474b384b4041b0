using Azure.Storage.Blobs;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProtocolOcr.Infrastructure.Blobs;
using ProtocolOcr.Infrastructure.Configuration;
using ProtocolOcr.Infrastructure.Database;
using ProtocolOcr.Infrastructure.People;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// A freshly migrated database and a blob container of its own on the shared servers, so test classes never see
/// each other's rows, jobs or blobs; plus probes to check what was (not) written.
/// </summary>
public sealed class TestEnvironment
{
    private TestEnvironment(string databaseConnectionString, AzuriteServer azurite, string container)
    {
        DatabaseConnectionString = databaseConnectionString;
        BlobConnectionString = azurite.ConnectionString;
        Container = container;
    }

    public string DatabaseConnectionString { get; }

    public string BlobConnectionString { get; }

    public string Container { get; }

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Postgres"] = DatabaseConnectionString,
        ["ConnectionStrings:Blobs"] = BlobConnectionString,
        ["Blobs:Container"] = Container,
    };

    public static async Task<TestEnvironment> CreateAsync(PostgresServer postgres, AzuriteServer azurite)
    {
        var id = Guid.NewGuid().ToString("N");
        var connectionString = await postgres.CreateDatabaseAsync("t_" + id);
        var result = DatabaseMigrator.Migrate(connectionString, TextWriter.Null);
        Assert.True(result.Successful, result.Error);
        return new TestEnvironment(connectionString, azurite, "t" + id);
    }

    public ApiFactory CreateApi(
        IReadOnlyDictionary<string, string>? overrides = null, Action<IServiceCollection>? replaceServices = null)
    {
        var settings = new Dictionary<string, string>(Settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return new ApiFactory(settings, replaceServices);
    }

    public async Task<long> ScalarAsync(string sql, object? parameters = null)
    {
        // Unpooled: a probe must not reuse a connection that died with a server the test stopped.
        var unpooled = new NpgsqlConnectionStringBuilder(DatabaseConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    /// <summary>Creates a staff account straight in the database, as <c>protocol-ocr users add</c> does.</summary>
    public async Task CreateStaffUserAsync(string name, string role, string password = StaffClients.DefaultPassword)
    {
        await using var dataSource = NpgsqlDataSource.Create(DatabaseConnectionString);
        await new UserRepository(dataSource).AddAsync(name, role, password, "test", CancellationToken.None);
    }

    /// <summary>Issues an observer token straight in the database, as <c>protocol-ocr tokens issue</c> does.</summary>
    public async Task<IssuedToken> IssueObserverTokenAsync(string observer = "observer-1")
    {
        await using var dataSource = NpgsqlDataSource.Create(DatabaseConnectionString);
        return await new ObserverTokenRepository(dataSource, TimeProvider.System).IssueAsync(observer, "test", CancellationToken.None);
    }

    public async Task RevokeObserverTokenAsync(Guid id)
    {
        await using var dataSource = NpgsqlDataSource.Create(DatabaseConnectionString);
        Assert.True(await new ObserverTokenRepository(dataSource, TimeProvider.System).RevokeAsync(id, "test", CancellationToken.None));
    }

    /// <summary>A client of <paramref name="api"/> carrying a fresh observer token for <paramref name="observer"/>.</summary>
    public async Task<HttpClient> CreateObserverClientAsync(ApiFactory api, string observer = "observer-1") =>
        api.CreateObserverClient((await IssueObserverTokenAsync(observer)).Token);

    /// <summary>A client of <paramref name="api"/> signed in through the login page as a new staff user.</summary>
    public async Task<HttpClient> CreateStaffClientAsync(ApiFactory api, string name, string role)
    {
        await CreateStaffUserAsync(name, role);
        return await api.CreateStaffClientAsync(name, StaffClients.DefaultPassword);
    }

    public Task<long> UploadRowsAsync() => ScalarAsync("SELECT count(*) FROM uploads");

    public Task<long> JobsAsync() => ScalarAsync("SELECT count(*) FROM hangfire.job");

    public Task<long> JobsForAsync(Guid uploadId) =>
        ScalarAsync("SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE @pattern", new { pattern = $"%{uploadId}%" });

    public Task<long> RecognitionsForAsync(Guid uploadId) =>
        ScalarAsync("SELECT count(*) FROM recognitions WHERE upload_id = @uploadId", new { uploadId });

    public async Task<int> BlobCountAsync()
    {
        var container = OriginalPhotoStore.CreateContainerClient(
            new BlobStorageOptions { ConnectionString = BlobConnectionString, Container = Container });
        if (!(await container.ExistsAsync()).Value)
        {
            return 0;
        }

        var count = 0;
        await foreach (var _ in container.GetBlobsAsync())
        {
            count++;
        }

        return count;
    }

    public async Task<byte[]> ReadBlobAsync(string sha256) =>
        (await ContainerClient().GetBlobClient(OriginalPhotoStore.KeyFor(sha256)).DownloadContentAsync()).Value.Content.ToArray();

    public Task DeleteBlobAsync(string sha256) => ContainerClient().GetBlobClient(OriginalPhotoStore.KeyFor(sha256)).DeleteAsync();

    public async Task PutBlobAsync(string sha256, byte[] content)
    {
        var container = ContainerClient();
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient(OriginalPhotoStore.KeyFor(sha256)).UploadAsync(BinaryData.FromBytes(content));
    }

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(DatabaseConnectionString);

    public BlobContainerClient ContainerClient() =>
        new(BlobConnectionString, Container, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06));
}
