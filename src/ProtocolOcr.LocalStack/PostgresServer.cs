using Npgsql;

namespace ProtocolOcr.LocalStack;

/// <summary>
/// A private PostgreSQL 15 cluster in a temporary folder on a free port, run as the postgres user (initdb refuses
/// root). Stopped with <c>-m immediate</c> (a crash, as far as the server knows) and removed on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _root;
    private readonly string _data;

    private PostgresServer(string root, int port)
    {
        _root = root;
        _data = Path.Combine(root, "data");
        Port = port;
    }

    public int Port { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("protocolocr-pg-").FullName;
        await ProcessRunner.RunAsync("chown", ["postgres:postgres", root]);
        var server = new PostgresServer(root, FreePort.Next());
        await server.AsPostgresAsync(Path.Combine(Bin, "initdb"),
            "-D", server._data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Command Timeout=30";

    public Task StartAsync(CancellationToken cancellationToken) => AsPostgresAsync(Path.Combine(Bin, "pg_ctl"),
        "-D", _data, "-l", Path.Combine(_root, "server.log"), "-w",
        "-o", $"-h 127.0.0.1 -p {Port} -k {_root} -c fsync=off -c max_connections=200", "start");

    public Task StopAsync() => AsPostgresAsync(Path.Combine(Bin, "pg_ctl"), "-D", _data, "-m", "immediate", "-w", "stop");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            await StopAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    private Task AsPostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : ProcessRunner.RunAsync(program, arguments);
}
