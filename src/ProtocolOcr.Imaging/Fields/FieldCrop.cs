using OpenCvSharp;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Imaging.Fields;

/// <summary>Stage 4 output: one field's pixels (grey as decoded, owned) and where they were cut from on the aligned page.</summary>
public sealed class FieldCrop : IDisposable
{
    public FieldCrop(FieldDefinition field, BoxRect cropBox, Mat image)
    {
        Field = field;
        CropBox = cropBox;
        Image = image;
    }

    public FieldDefinition Field { get; }

    public BoxRect CropBox { get; }

    public Mat Image { get; }

    public void Dispose() => Image.Dispose();
}
