using Hangfire.PostgreSql;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Jobs;

/// <summary>Gives Hangfire connections from the application's one <see cref="NpgsqlDataSource"/>.</summary>
internal sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
