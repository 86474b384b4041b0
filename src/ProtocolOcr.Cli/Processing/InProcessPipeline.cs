using Microsoft.Extensions.DependencyInjection;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Pipeline;

namespace ProtocolOcr.Cli.Processing;

/// <summary>The worker's pipeline composed in this process (for process and bench), with an optional forms folder.</summary>
public static class InProcessPipeline
{
    public static ServiceProvider Services(DirectoryInfo? formsDirectory)
    {
        var services = new ServiceCollection();
        if (formsDirectory is not null)
        {
            services.AddSingleton<IFormCatalog>(_ => FormCatalog.LoadDirectory(formsDirectory.FullName));
        }

        return services.AddProtocolPipeline().BuildServiceProvider();
    }
}
