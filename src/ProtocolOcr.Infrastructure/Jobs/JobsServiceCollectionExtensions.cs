using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ProtocolOcr.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire on the shared data source with <see cref="HangfireStorageSettings"/>; no server (the worker adds it).</summary>
    public static IServiceCollection AddProtocolOcrJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>()
            .BindConfiguration(JobOptions.Section)
            .Validate(o => o.InvisibilityTimeoutSeconds >= 10, "Jobs:InvisibilityTimeoutSeconds must be at least 10.")
            .Validate(o => o.MaxAttempts >= 1, "Jobs:MaxAttempts must be at least 1.")
            .Validate(o => o.WorkerCount >= 1, "Jobs:WorkerCount must be at least 1.")
            .ValidateOnStart();

        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                bootstrap => bootstrap.UseConnectionFactory(
                    new DataSourceConnectionFactory(provider.GetRequiredService<NpgsqlDataSource>())),
                HangfireStorageSettings.Create(provider.GetRequiredService<IOptions<JobOptions>>().Value)));
        services.AddSingleton<UploadJobEnqueuer>();
        return services;
    }
}
