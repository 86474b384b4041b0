using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;

namespace ProtocolOcr.Recognition.Tests.Arbitration;

/// <summary>Counts how often the arbiter asks an engine.</summary>
internal sealed class CountingReader(IFieldReader inner) : IFieldReader
{
    public int Calls { get; private set; }

    public string EngineName => inner.EngineName;

    public FieldReading Read(FieldCrop crop, CancellationToken cancellationToken)
    {
        Calls++;
        return inner.Read(crop, cancellationToken);
    }
}
