using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Recognition;

namespace ProtocolOcr.Tools.FieldRead;

/// <summary>A field reader that only saves each crop as PNG: the pipeline runs to the crops once, the engines are replayed on them.</summary>
internal sealed class CropRecorder(string directory) : IFieldReader
{
    public string EngineName => "recorder";

    public FieldReading Read(FieldCrop crop, CancellationToken cancellationToken)
    {
        Cv2.ImWrite(Path.Combine(directory, crop.Field.Id + ".png"), crop.Image);
        return new FieldReading(crop.Field.Id, null, "", 0, FieldStatus.Empty, null, [], EngineName, crop.CropBox);
    }
}
