using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Recognition;
using ProtocolOcr.Recognition.Tesseract;

namespace ProtocolOcr.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline the worker and the CLI share (singleton, thread-safe) and the form catalog, loaded on
    /// first use from <see cref="FormsDirectory.Locate"/> (PROTOCOLOCR_FORMS or the nearest forms/ folder).
    /// Loads libtesseract at once: call this at start-up, before anything touches OpenCvSharp (see <see cref="TesseractRuntime"/>).
    /// </summary>
    public static IServiceCollection AddProtocolPipeline(this IServiceCollection services)
    {
        TesseractRuntime.Initialize();
        services.TryAddSingleton(PipelineSettings.Default);
        services.TryAddSingleton<IFieldReader>(_ => new TesseractDigitReader());
        services.TryAddSingleton<IProtocolPipeline, ProtocolPipeline>();
        services.TryAddSingleton<IFormCatalog>(_ => FormCatalog.LoadDirectory(FormsDirectory.Locate()));
        return services;
    }
}
