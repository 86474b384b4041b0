using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Infrastructure.Downstream.Consensus;
using ProtocolOcr.Infrastructure.Downstream.Import;

namespace ProtocolOcr.Infrastructure.Downstream;

public static class DownstreamServiceCollectionExtensions
{
    /// <summary>Reference data import and the precinct consensus; needs <c>AddProtocolOcrStorage</c>.</summary>
    public static IServiceCollection AddProtocolOcrDownstream(this IServiceCollection services)
    {
        services.TryAddSingleton<IFormCatalog>(_ => FormCatalog.LoadDirectory(FormsDirectory.Locate()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReferenceDataImporter>();
        services.AddSingleton<PrecinctConsensusService>();
        return services;
    }
}
