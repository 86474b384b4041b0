using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Imaging.Registration;
using ProtocolOcr.Pipeline.Arithmetic;
using ProtocolOcr.Recognition;
using ProtocolOcr.Recognition.Arbitration;
using ProtocolOcr.Recognition.Handwriting;
using ProtocolOcr.Recognition.Header;
using ProtocolOcr.Recognition.Tesseract;
using ProtocolOcr.Recognition.Words;

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
        services.TryAddSingleton(ArbiterSettings.Default);
        services.TryAddSingleton(ArithmeticSettings.Default);
        services.TryAddSingleton(_ => DigitClassifier.Load());
        services.TryAddSingleton(_ => new TesseractDigitReader());
        services.TryAddSingleton<IFieldReader>(provider => new EngineArbiter(
            provider.GetRequiredService<TesseractDigitReader>(),
            new HandwrittenDigitReader(provider.GetRequiredService<DigitClassifier>()),
            provider.GetRequiredService<ArbiterSettings>()));
        services.TryAddSingleton<IProtocolPipeline>(provider => new ProtocolPipeline(
            provider.GetRequiredService<IFieldReader>(),
            provider.GetRequiredService<PipelineSettings>(),
            provider.GetRequiredService<TesseractDigitReader>(),
            provider.GetRequiredService<FormReferences>(),
            provider.GetRequiredService<ArithmeticSettings>(),
            provider.GetRequiredService<FormTitleCheck>(),
            provider.GetRequiredService<NumberWordsReader>()));
        services.TryAddSingleton(_ => new NumberWordsReader());
        services.TryAddSingleton(provider =>
        {
            var catalog = provider.GetRequiredService<IFormCatalog>();
            return new FormTitleCheck(catalog.FormIds.Select(catalog.Get));
        });
        services.TryAddSingleton(provider =>
        {
            var catalog = provider.GetRequiredService<IFormCatalog>();
            return new FormReferences(catalog.FormIds, catalog.ReferenceImagePath);
        });
        services.TryAddSingleton<IFormCatalog>(_ => FormCatalog.LoadDirectory(FormsDirectory.Locate()));
        return services;
    }
}
