using Dapper;
using Npgsql;
using ProtocolOcr.Infrastructure.Database;

namespace ProtocolOcr.Infrastructure.People;

/// <summary>Observer tokens: issued by an admin, looked up by their SHA-256, revoked for good.</summary>
public sealed class ObserverTokenRepository(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Columns = """
        id, observer_name AS ObserverName, token_sha256 AS TokenSha256, issued_by AS IssuedBy,
        issued_at AS IssuedAt, revoked_at AS RevokedAt
        """;

    public async Task<IssuedToken> IssueAsync(string observerName, string issuedBy, CancellationToken cancellationToken)
    {
        observerName = observerName.Trim();
        if (observerName.Length is 0 or > 100)
        {
            throw new PeopleRejectedException("invalid_name", "An observer name must have 1 to 100 characters.");
        }

        var token = ObserverTokenSecret.NewToken();
        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO observer_tokens (id, observer_name, token_sha256, issued_by, issued_at)
            VALUES (@id, @observerName, @hash, @issuedBy, @issuedAt)
            """, new { id, observerName, hash = ObserverTokenSecret.Hash(token), issuedBy, issuedAt = time.GetUtcNow() },
            transaction, cancellationToken: cancellationToken));
        await AuditLog.AppendAsync(connection,
            new AuditEvent(issuedBy, "observer_token", id.ToString(), null, null, observerName, "token issued"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuedToken(id, observerName, token);
    }

    public async Task<ObserverToken?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ObserverToken>(new CommandDefinition(
            $"SELECT {Columns} FROM observer_tokens WHERE token_sha256 = @hash", new { hash = ObserverTokenSecret.Hash(token) },
            cancellationToken: cancellationToken));
    }

    /// <summary>Revokes the token; false when there is no such token. Revoking twice keeps the first time.</summary>
    public async Task<bool> RevokeAsync(Guid id, string revokedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var observerName = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition("""
            UPDATE observer_tokens SET revoked_at = coalesce(revoked_at, @now) WHERE id = @id RETURNING observer_name
            """, new { id, now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        if (observerName is null)
        {
            return false;
        }

        await AuditLog.AppendAsync(connection,
            new AuditEvent(revokedBy, "observer_token", id.ToString(), null, observerName, null, "token revoked"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
