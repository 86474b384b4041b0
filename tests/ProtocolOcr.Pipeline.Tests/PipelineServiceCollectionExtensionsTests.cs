using Microsoft.Extensions.DependencyInjection;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Pipeline;

namespace ProtocolOcr.Pipeline.Tests;

public sealed class PipelineServiceCollectionExtensionsTests
{
    [Fact]
    public void Pipeline_is_one_shared_instance_and_the_catalog_holds_the_shipped_kazakh_form()
    {
        using var provider = new ServiceCollection().AddProtocolPipeline().BuildServiceProvider(validateScopes: true);

        var pipeline = provider.GetRequiredService<IProtocolPipeline>();

        Assert.IsType<ProtocolPipeline>(pipeline);
        Assert.Same(pipeline, provider.GetRequiredService<IProtocolPipeline>());
        Assert.Contains("kz.president.2019", provider.GetRequiredService<IFormCatalog>().FormIds);
    }
}
