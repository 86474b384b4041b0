using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Jobs;

public sealed class UploadJobEnqueuer(IOptions<JobOptions> options)
{
    /// <summary>
    /// Creates the job on <paramref name="connection"/>, which must be enlisted in the caller's ambient transaction:
    /// the job becomes visible only if the upload row commits with it, so a row never exists without its job.
    /// </summary>
    public string Enqueue(NpgsqlConnection connection, Guid uploadId)
    {
        var storageOptions = HangfireStorageSettings.Create(options.Value);
        var storage = new PostgreSqlStorage(new ExistingNpgsqlConnectionFactory(connection, storageOptions), storageOptions);
        return new BackgroundJobClient(storage)
            .Enqueue<IProcessUploadJob>(job => job.RunAsync(uploadId, CancellationToken.None));
    }
}
