namespace ProtocolOcr.Worker;

/// <summary>The worker process: a Hangfire server that runs the recognition pipeline on queued uploads.</summary>
public static class WorkerProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddProtocolOcrWorker();
        await builder.Build().RunAsync();
    }
}
