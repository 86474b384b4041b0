using OpenCvSharp;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Imaging.Fields;

/// <summary>
/// Stage 4 output: one field's pixels (grey as decoded, owned) and where they were cut from on the aligned page.
/// <see cref="CheckedBySum"/>: an error-level equality of the form reads the field, so the arithmetic witnesses its value.
/// </summary>
public sealed class FieldCrop : IDisposable
{
    public FieldCrop(FieldDefinition field, BoxRect cropBox, Mat image, bool checkedBySum = false)
    {
        Field = field;
        CropBox = cropBox;
        Image = image;
        CheckedBySum = checkedBySum;
    }

    public FieldDefinition Field { get; }

    public BoxRect CropBox { get; }

    public Mat Image { get; }

    public bool CheckedBySum { get; }

    public void Dispose() => Image.Dispose();
}
