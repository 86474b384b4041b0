using System.CommandLine;
using Npgsql;
using ProtocolOcr.Cli.People;
using ProtocolOcr.Infrastructure.People;

namespace ProtocolOcr.Cli.Commands;

/// <summary>
/// <c>users add --name N --role R [--password-file F]</c>: creates a staff account. The password comes from the
/// PROTOCOLOCR_PASSWORD environment variable or a file, never from the command line (shell history, process list).
/// </summary>
public static class UsersCommand
{
    public const string PasswordVariable = "PROTOCOLOCR_PASSWORD";

    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "User name to sign in with.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", UserRoles.All)}.", Required = true };
        role.AcceptOnlyFromAmong([.. UserRoles.All]);
        var passwordFile = new Option<FileInfo>("--password-file") { Description = $"File holding the password (else the {PasswordVariable} environment variable)." };
        var connection = DatabaseOption.Create();

        var add = new Command("add", "Create a staff account (operator, analyst, admin).") { name, role, passwordFile, connection };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (DatabaseOption.Resolve(parse, connection) is not { } connectionString)
            {
                await error.WriteLineAsync(DatabaseOption.MissingMessage);
                return 2;
            }

            var password = parse.GetValue(passwordFile) is { } file
                ? (await File.ReadAllTextAsync(file.FullName, cancellationToken)).TrimEnd('\r', '\n')
                : Environment.GetEnvironmentVariable(PasswordVariable);
            if (string.IsNullOrEmpty(password))
            {
                await error.WriteLineAsync($"No password: set {PasswordVariable} or pass --password-file.");
                return 2;
            }

            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            try
            {
                var user = await new UserRepository(dataSource)
                    .AddAsync(parse.GetValue(name)!, parse.GetValue(role)!, password, DatabaseOption.Actor, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Created user '{user.Name}' with role {user.Role} (id {user.Id}).");
                return 0;
            }
            catch (PeopleRejectedException e)
            {
                await error.WriteLineAsync($"{e.Code}: {e.Message}");
                return 1;
            }
        });

        return new Command("users", "Manage staff accounts.") { add };
    }
}
