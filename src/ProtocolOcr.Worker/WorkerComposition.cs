using Hangfire;
using Microsoft.Extensions.Options;
using ProtocolOcr.Infrastructure.Configuration;
using ProtocolOcr.Infrastructure.Downstream;
using ProtocolOcr.Infrastructure.Jobs;
using ProtocolOcr.Pipeline;
using ProtocolOcr.Worker.Jobs;

namespace ProtocolOcr.Worker;

public static class WorkerComposition
{
    public static IServiceCollection AddProtocolOcrWorker(this IServiceCollection services)
    {
        // First: it loads libtesseract, which must happen before anything touches OpenCvSharp.
        services.AddProtocolPipeline();
        services.AddProtocolOcrStorage();
        services.AddProtocolOcrJobs();
        services.AddProtocolOcrDownstream();
        services.AddHangfireServer((provider, server) =>
        {
            server.WorkerCount = provider.GetRequiredService<IOptions<JobOptions>>().Value.WorkerCount;
            // Retries are scheduled jobs: poll for due ones often so a retry starts close to its delay.
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            server.ShutdownTimeout = TimeSpan.FromSeconds(30);
        });
        services.AddScoped<IProcessUploadJob, ProcessUploadJob>();
        return services;
    }
}
