using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Hangfire.PostgreSql;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Database;

/// <summary>
/// Applies the embedded, versioned SQL migrations (journal table <c>public.schema_versions</c>) and installs or
/// upgrades Hangfire's own schema. Run explicitly (<c>protocol-ocr migrate</c>, dev and test scripts), never at start-up.
/// </summary>
public static class DatabaseMigrator
{
    public const string HangfireSchema = "hangfire";

    /// <summary>The least-privilege role the API and the worker log in as members of (migration 0004).</summary>
    public const string ApplicationRole = "protocolocr_app";

    public static MigrationResult Migrate(string connectionString, TextWriter log)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(
                Assembly.GetExecutingAssembly(), name => name.Contains(".Database.Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .JournalToPostgresqlTable("public", "schema_versions")
            .LogTo(new TextWriterUpgradeLog(log))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            return new MigrationResult(false, result.Scripts.Select(s => s.Name).ToList(), result.Error?.Message);
        }

        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        PostgreSqlObjectsInstaller.Install(connection, HangfireSchema);
        GrantHangfireToApplicationRole(connection);
        return new MigrationResult(true, result.Scripts.Select(s => s.Name).ToList(), null);
    }

    /// <summary>The application role (migration 0004) reads and writes Hangfire's tables; only migrate changes them.</summary>
    private static void GrantHangfireToApplicationRole(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand($"""
            GRANT USAGE ON SCHEMA {HangfireSchema} TO {ApplicationRole};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {HangfireSchema} TO {ApplicationRole};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {HangfireSchema} TO {ApplicationRole};
            """, connection);
        command.ExecuteNonQuery();
    }

    private sealed class TextWriterUpgradeLog(TextWriter writer) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }

        public void LogDebug(string format, params object[] args) { }

        public void LogInformation(string format, params object[] args) => writer.WriteLine(format, args);

        public void LogWarning(string format, params object[] args) => writer.WriteLine("warning: " + format, args);

        public void LogError(string format, params object[] args) => writer.WriteLine("error: " + format, args);

        public void LogError(Exception ex, string format, params object[] args) =>
            writer.WriteLine("error: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args) + ": " + ex.Message);
    }
}
