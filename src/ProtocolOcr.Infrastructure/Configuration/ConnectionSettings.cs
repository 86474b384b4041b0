using Microsoft.Extensions.Configuration;

namespace ProtocolOcr.Infrastructure.Configuration;

/// <summary>
/// Where the connection strings come from: <c>ConnectionStrings:Postgres</c> / <c>ConnectionStrings:Blobs</c>,
/// falling back to the environment variables <c>PROTOCOLOCR_DB</c> / <c>PROTOCOLOCR_BLOBS</c>.
/// </summary>
public static class ConnectionSettings
{
    public const string PostgresName = "Postgres";
    public const string BlobsName = "Blobs";
    public const string PostgresVariable = "PROTOCOLOCR_DB";
    public const string BlobsVariable = "PROTOCOLOCR_BLOBS";

    public static string? Postgres(IConfiguration configuration) =>
        configuration.GetConnectionString(PostgresName) ?? configuration[PostgresVariable];

    public static string? Blobs(IConfiguration configuration) =>
        configuration.GetConnectionString(BlobsName) ?? configuration[BlobsVariable];
}
