using Hangfire.PostgreSql;
using ProtocolOcr.Infrastructure.Database;

namespace ProtocolOcr.Infrastructure.Jobs;

public static class HangfireStorageSettings
{
    /// <summary>
    /// Storage options shared by API and worker. Sliding invisibility makes a killed worker's job run again after
    /// the timeout (the 30 min default would strand it); long polling wakes workers on NOTIFY instead of 15 s polls;
    /// the schema is installed by the explicit migrate step, not here; transaction-scope enlistment lets the API
    /// create the job in the same transaction as the upload row.
    /// </summary>
    public static PostgreSqlStorageOptions Create(JobOptions options) => new()
    {
        SchemaName = DatabaseMigrator.HangfireSchema,
        PrepareSchemaIfNecessary = false,
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromSeconds(options.InvisibilityTimeoutSeconds),
        EnableLongPolling = true,
        QueuePollInterval = TimeSpan.FromSeconds(5),
        EnableTransactionScopeEnlistment = true,
    };
}
