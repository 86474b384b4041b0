using Dapper;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Uploads;

public sealed class ElectionRepository(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Election>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Election>(new CommandDefinition(
            "SELECT id, form_id AS FormId, title FROM elections ORDER BY id", cancellationToken: cancellationToken))).ToList();
    }
}
