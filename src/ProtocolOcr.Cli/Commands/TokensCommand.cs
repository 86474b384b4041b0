using System.CommandLine;
using Npgsql;
using ProtocolOcr.Cli.People;
using ProtocolOcr.Infrastructure.People;

namespace ProtocolOcr.Cli.Commands;

/// <summary>
/// <c>tokens issue --observer NAME</c> prints a new observer token once (only its SHA-256 is stored);
/// <c>tokens revoke --id ID</c> stops it from working.
/// </summary>
public static class TokensCommand
{
    public static Command Create() => new("tokens", "Issue and revoke observers' upload tokens.") { Issue(), Revoke() };

    private static Command Issue()
    {
        var observer = new Option<string>("--observer") { Description = "The observer's name, as it will appear on their uploads.", Required = true };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the token (for scripts)." };
        var connection = DatabaseOption.Create();
        var command = new Command("issue", "Issue a token to an observer; it is printed once and cannot be shown again.") { observer, quiet, connection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (DatabaseOption.Resolve(parse, connection) is not { } connectionString)
            {
                await error.WriteLineAsync(DatabaseOption.MissingMessage);
                return 2;
            }

            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            try
            {
                var issued = await new ObserverTokenRepository(dataSource, TimeProvider.System)
                    .IssueAsync(parse.GetValue(observer)!, DatabaseOption.Actor, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync(parse.GetValue(quiet)
                    ? issued.Token
                    : $"Token for '{issued.ObserverName}' (id {issued.Id}); it is shown only this once:\n{issued.Token}");
                return 0;
            }
            catch (PeopleRejectedException e)
            {
                await error.WriteLineAsync($"{e.Code}: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command Revoke()
    {
        var id = new Option<Guid>("--id") { Description = "Id of the token (printed when it was issued).", Required = true };
        var connection = DatabaseOption.Create();
        var command = new Command("revoke", "Revoke an observer token; uploads with it are refused from now on.") { id, connection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (DatabaseOption.Resolve(parse, connection) is not { } connectionString)
            {
                await error.WriteLineAsync(DatabaseOption.MissingMessage);
                return 2;
            }

            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var tokenId = parse.GetValue(id);
            if (!await new ObserverTokenRepository(dataSource, TimeProvider.System).RevokeAsync(tokenId, DatabaseOption.Actor, cancellationToken))
            {
                await error.WriteLineAsync($"token_not_found: There is no token {tokenId}.");
                return 1;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Revoked token {tokenId}.");
            return 0;
        });
        return command;
    }
}
