using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Recognition;
using ProtocolOcr.Recognition.Tesseract;

namespace ProtocolOcr.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline the worker and the CLI share (singleton, thread-safe). Loads libtesseract at once:
    /// call this at start-up, before anything touches OpenCvSharp (see <see cref="TesseractRuntime"/>).
    /// </summary>
    public static IServiceCollection AddProtocolPipeline(this IServiceCollection services)
    {
        TesseractRuntime.Initialize();
        services.TryAddSingleton(PipelineSettings.Default);
        services.TryAddSingleton<IFieldReader>(_ => new TesseractDigitReader());
        services.TryAddSingleton<IProtocolPipeline, ProtocolPipeline>();
        return services;
    }
}
