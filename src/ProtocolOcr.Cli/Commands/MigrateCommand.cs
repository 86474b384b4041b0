using System.CommandLine;
using ProtocolOcr.Infrastructure.Configuration;
using ProtocolOcr.Infrastructure.Database;

namespace ProtocolOcr.Cli.Commands;

/// <summary><c>protocol-ocr migrate [--connection CS]</c>: applies pending schema migrations and Hangfire's schema.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var connection = new Option<string>("--connection")
        {
            Description = $"PostgreSQL connection string (default: the {ConnectionSettings.PostgresVariable} environment variable).",
        };
        var command = new Command("migrate", "Apply pending database migrations (our schema and Hangfire's).") { connection };
        command.SetAction(parseResult =>
        {
            var connectionString = parseResult.GetValue(connection)
                ?? Environment.GetEnvironmentVariable(ConnectionSettings.PostgresVariable);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Console.Error.WriteLine($"No connection string: pass --connection or set {ConnectionSettings.PostgresVariable}.");
                return 2;
            }

            var result = DatabaseMigrator.Migrate(connectionString, Console.Out);
            if (!result.Successful)
            {
                Console.Error.WriteLine($"Migration failed: {result.Error}");
                return 1;
            }

            Console.WriteLine(result.AppliedScripts.Count == 0
                ? "Database is up to date."
                : $"Applied {result.AppliedScripts.Count} migration(s): {string.Join(", ", result.AppliedScripts)}.");
            return 0;
        });
        return command;
    }
}
