using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Handwriting;

namespace ProtocolOcr.Synthetic.Tests;

/// <summary>One generator for the whole test run: MNIST loads once.</summary>
public sealed class SharedGenerator : IDisposable
{
    public SharedGenerator()
    {
        Mnist = MnistDigits.FromNodeModules();
        Generator = new ProtocolGenerator(Mnist, FontCatalog.Debian());
    }

    public MnistDigits Mnist { get; }

    public ProtocolGenerator Generator { get; }

    public void Dispose() => Generator.Dispose();
}
