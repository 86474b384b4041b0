namespace ProtocolOcr.Infrastructure.Database;

/// <summary>Outcome of a migration run: the scripts applied this time and, on failure, why.</summary>
public sealed record MigrationResult(bool Successful, IReadOnlyList<string> AppliedScripts, string? Error);
