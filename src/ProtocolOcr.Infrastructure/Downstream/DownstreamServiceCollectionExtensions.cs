using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Infrastructure.Downstream.Consensus;
using ProtocolOcr.Infrastructure.Downstream.Evidence;
using ProtocolOcr.Infrastructure.Downstream.Import;
using ProtocolOcr.Infrastructure.Downstream.Report;
using ProtocolOcr.Infrastructure.Downstream.Results;

namespace ProtocolOcr.Infrastructure.Downstream;

public static class DownstreamServiceCollectionExtensions
{
    /// <summary>Reference data import, the precinct consensus, the results views and evidence packages; needs <c>AddProtocolOcrStorage</c>.</summary>
    public static IServiceCollection AddProtocolOcrDownstream(this IServiceCollection services)
    {
        services.TryAddSingleton<IFormCatalog>(_ => FormCatalog.LoadDirectory(FormsDirectory.Locate()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReferenceDataImporter>();
        services.AddSingleton<PrecinctConsensusService>();
        services.AddSingleton<ResultsRepository>();
        services.AddSingleton<EvidencePackageBuilder>();
        services.AddSingleton<ReportRepository>();
        return services;
    }
}
