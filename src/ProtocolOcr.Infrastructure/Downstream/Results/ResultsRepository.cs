using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Downstream.Results;

/// <summary>Reads the downstream views with filters, by page (JSON) or as a stream of every row (CSV export).</summary>
public sealed class ResultsRepository(NpgsqlDataSource dataSource)
{
    public async Task<ResultPage> PageAsync(ResultView view, ResultFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (where, parameters) = Where(view, filter);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM {view.SqlView}{where}", parameters, cancellationToken: cancellationToken));
        parameters.Add("limit", pageSize);
        parameters.Add("offset", (long)(page - 1) * pageSize);
        var items = new List<IReadOnlyDictionary<string, object?>>();
        await foreach (var row in RowsAsync(connection, $"{Select(view)}{where} ORDER BY {view.OrderBy} LIMIT @limit OFFSET @offset",
                           parameters, cancellationToken))
        {
            items.Add(row);
        }

        return new ResultPage(page, pageSize, total, items);
    }

    public async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> AllAsync(
        ResultView view, ResultFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (where, parameters) = Where(view, filter);
        await foreach (var row in RowsAsync(connection, $"{Select(view)}{where} ORDER BY {view.OrderBy}", parameters, cancellationToken))
        {
            yield return row;
        }
    }

    private static string Select(ResultView view) => $"SELECT {string.Join(", ", view.Columns)} FROM {view.SqlView}";

    private static (string Where, DynamicParameters Parameters) Where(ResultView view, ResultFilter filter)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        void Add(string column, string? value)
        {
            if (value is not null)
            {
                conditions.Add($"{column} = @{column}");
                parameters.Add(column, value);
            }
        }

        Add("election_id", filter.ElectionId);
        Add("region", filter.Region);
        if (view.HasPrecinct)
        {
            Add("precinct", filter.Precinct);
        }

        return (conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions), parameters);
    }

    private static async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> RowsAsync(NpgsqlConnection connection, string sql,
        DynamicParameters parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Dictionary<string, object?>(reader.FieldCount, StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = await reader.IsDBNullAsync(i, cancellationToken) ? null
                    // jsonb stays JSON in the answer instead of becoming an escaped string.
                    : reader.GetDataTypeName(i) == "jsonb" ? JsonDocument.Parse(reader.GetString(i)).RootElement.Clone()
                    : reader.GetValue(i);
            }

            yield return row;
        }
    }
}
