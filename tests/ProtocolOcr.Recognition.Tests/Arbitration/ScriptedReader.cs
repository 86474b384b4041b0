using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Recognition;

namespace ProtocolOcr.Recognition.Tests.Arbitration;

/// <summary>An engine whose answer the test sets: the arbiter's decisions are tested on constructed readings.</summary>
internal sealed class ScriptedReader(
    string engine, long? value, double confidence, FieldStatus status = FieldStatus.NeedsReview, IReadOnlyList<ValueAlternative>? alternatives = null)
    : IFieldReader
{
    public string EngineName => engine;

    public FieldReading Read(FieldCrop crop, CancellationToken cancellationToken) =>
        new(crop.Field.Id, value, value?.ToString() ?? "", confidence, status, null, alternatives ?? [], engine, new BoxRect(0, 0, 10, 10));
}
