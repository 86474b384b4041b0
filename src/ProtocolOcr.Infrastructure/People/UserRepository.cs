using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using ProtocolOcr.Infrastructure.Database;

namespace ProtocolOcr.Infrastructure.People;

/// <summary>Staff accounts: created by an admin, passwords kept as PBKDF2 hashes by ASP.NET Core's PasswordHasher.</summary>
public sealed class UserRepository(NpgsqlDataSource dataSource)
{
    public const int MinPasswordLength = 10;
    private const string Columns =
        "id, name, role, password_hash AS PasswordHash, disabled, created_at AS CreatedAt";

    private static readonly PasswordHasher<StaffUser> Hasher = new();

    public async Task<StaffUser> AddAsync(string name, string role, string password, string createdBy, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw new PeopleRejectedException("invalid_name", "A user name must have 1 to 100 characters.");
        }

        if (!UserRoles.IsKnown(role))
        {
            throw new PeopleRejectedException("unknown_role", $"Role '{role}' is not one of: {string.Join(", ", UserRoles.All)}.");
        }

        if (password.Length < MinPasswordLength)
        {
            throw new PeopleRejectedException("weak_password", $"A password must have at least {MinPasswordLength} characters.");
        }

        var hash = Hasher.HashPassword(null!, password);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<StaffUser>(new CommandDefinition($"""
            INSERT INTO users (name, role, password_hash) VALUES (@name, @role, @hash)
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """, new { name, role, hash }, transaction, cancellationToken: cancellationToken))
            ?? throw new PeopleRejectedException("user_exists", $"There is already a user named '{name}'.");
        await AuditLog.AppendAsync(connection,
            new AuditEvent(createdBy, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, role, $"user {name} created"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    public async Task<StaffUser?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StaffUser>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE lower(name) = lower(@name)", new { name = name.Trim() },
            cancellationToken: cancellationToken));
    }

    /// <summary>The user when the name exists, is enabled and the password matches; otherwise null.</summary>
    public async Task<StaffUser?> VerifyAsync(string name, string password, CancellationToken cancellationToken)
    {
        var user = await FindByNameAsync(name, cancellationToken);
        if (user is null || user.Disabled)
        {
            return null;
        }

        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }
}
