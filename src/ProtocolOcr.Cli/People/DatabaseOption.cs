using System.CommandLine;
using ProtocolOcr.Infrastructure.Configuration;

namespace ProtocolOcr.Cli.People;

/// <summary>The <c>--connection</c> option shared by the account verbs, falling back to PROTOCOLOCR_DB.</summary>
public static class DatabaseOption
{
    public static Option<string> Create() => new("--connection")
    {
        Description = $"PostgreSQL connection string (default: the {ConnectionSettings.PostgresVariable} environment variable).",
    };

    public static string? Resolve(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(ConnectionSettings.PostgresVariable);

    public static string MissingMessage => $"No connection string: pass --connection or set {ConnectionSettings.PostgresVariable}.";

    /// <summary>Who the audit trail names for changes made from this command line.</summary>
    public static string Actor => "cli:" + Environment.UserName;
}
