using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Recognition;
using ProtocolOcr.Recognition.Arbitration;

namespace ProtocolOcr.Tools.DecideReplay;

/// <summary>Answers with a recorded raw reading of the crop's field: one engine mode replayed.</summary>
internal sealed class ReplayReader(IReadOnlyDictionary<string, RecordedField> fields, Func<RecordedField, RawReading> pick, string name) : IFieldReader
{
    public string EngineName => name;

    public FieldReading Read(FieldCrop crop, CancellationToken cancellationToken) => pick(fields[crop.Field.Id]).For(crop.Field.Id);

    public static EngineArbiter Arbiter(IReadOnlyDictionary<string, RecordedField> fields) => new(
        new ReplayReader(fields, field => field.Printed, "tesseract"),
        new ReplayReader(fields, field => field.Handwritten, "digits"),
        ArbiterSettings.Default,
        printWitness: new ReplayReader(fields, field => field.AsPrint, "digits"));
}
