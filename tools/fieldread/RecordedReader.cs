using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Recognition;

namespace ProtocolOcr.Tools.FieldRead;

/// <summary>An engine's reading of the crop at hand, already made: lets the arbiter decide without reading twice.</summary>
internal sealed class RecordedReader(string engineName) : IFieldReader
{
    public FieldReading? Reading { get; set; }

    public string EngineName => engineName;

    public FieldReading Read(FieldCrop crop, CancellationToken cancellationToken) =>
        Reading ?? throw new InvalidOperationException($"No {engineName} reading was recorded for field {crop.Field.Id}.");
}
