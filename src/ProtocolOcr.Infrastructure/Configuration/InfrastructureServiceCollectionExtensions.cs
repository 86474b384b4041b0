using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using ProtocolOcr.Infrastructure.Blobs;
using ProtocolOcr.Infrastructure.People;
using ProtocolOcr.Infrastructure.Recognitions;
using ProtocolOcr.Infrastructure.Review;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Infrastructure.Configuration;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>
    /// The shared storage parts of the API and the worker: one <see cref="NpgsqlDataSource"/>, the blob store and the
    /// repositories. Options are validated when the host starts, so a missing connection string stops it at once.
    /// </summary>
    public static IServiceCollection AddProtocolOcrStorage(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = ConnectionSettings.Postgres(configuration) ?? "")
            .Validate(options => !string.IsNullOrWhiteSpace(options.ConnectionString),
                $"No PostgreSQL connection string: set ConnectionStrings:{ConnectionSettings.PostgresName} or {ConnectionSettings.PostgresVariable}.")
            .ValidateOnStart();

        services.AddOptions<BlobStorageOptions>()
            .BindConfiguration(BlobStorageOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = ConnectionSettings.Blobs(configuration) ?? options.ConnectionString)
            .Validate(options => !string.IsNullOrWhiteSpace(options.ConnectionString),
                $"No blob storage connection string: set ConnectionStrings:{ConnectionSettings.BlobsName} or {ConnectionSettings.BlobsVariable}.")
            .Validate(options => !string.IsNullOrWhiteSpace(options.Container), "Blobs:Container must not be empty.")
            .ValidateOnStart();

        services.AddSingleton(provider =>
            NpgsqlDataSource.Create(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddSingleton(provider => OriginalPhotoStore.CreateContainerClient(
            provider.GetRequiredService<IOptions<BlobStorageOptions>>().Value));
        services.AddSingleton<IOriginalPhotoStore>(provider =>
            new OriginalPhotoStore(provider.GetRequiredService<BlobContainerClient>()));
        services.AddSingleton(provider => new AlignedPageStore(provider.GetRequiredService<BlobContainerClient>()));
        services.AddSingleton<UploadRepository>();
        services.AddSingleton<UploadSenderRepository>();
        services.AddSingleton<ElectionRepository>();
        services.AddSingleton<RecognitionRepository>();
        services.AddSingleton<UserRepository>();
        services.AddSingleton<ObserverTokenRepository>();
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section)
            .Validate(o => o.ClaimMinutes > 0, "Review:ClaimMinutes must be positive.");
        services.AddSingleton<ReviewRepository>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
