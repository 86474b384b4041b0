using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Recognition;
using ProtocolOcr.Recognition.Arbitration;

namespace ProtocolOcr.Tools.DecideReplay;

/// <summary>Reads each crop with all three engine modes, keeps their raw readings, and answers with the arbiter's reading of them.</summary>
internal sealed class RecordingReader(IFieldReader printed, IFieldReader handwritten, IFieldReader asPrint) : IFieldReader
{
    public Dictionary<string, RecordedField> Fields { get; } = new(StringComparer.Ordinal);

    public string EngineName => "recording";

    public FieldReading Read(FieldCrop crop, CancellationToken cancellationToken)
    {
        var field = new RecordedField(
            RawReading.Of(printed.Read(crop, cancellationToken)),
            RawReading.Of(handwritten.Read(crop, cancellationToken)),
            RawReading.Of(asPrint.Read(crop, cancellationToken)));
        Fields[crop.Field.Id] = field;
        return ReplayReader.Arbiter(new Dictionary<string, RecordedField> { [crop.Field.Id] = field }).Read(crop, cancellationToken);
    }
}
