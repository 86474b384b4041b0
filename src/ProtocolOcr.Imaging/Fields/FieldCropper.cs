using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Imaging.Page;

namespace ProtocolOcr.Imaging.Fields;

/// <summary>
/// Stage 4: cuts every numeric field (counts and codes) out of the aligned page, with a margin that absorbs small
/// alignment errors; the box's own printed border inside the margin is the reader's business.
/// </summary>
public sealed class FieldCropper
{
    private readonly int _margin;

    public FieldCropper(int margin = 8) => _margin = margin;

    /// <param name="checkedBySum">The fields an error-level equality of the form reads (<see cref="FieldCrop.CheckedBySum"/>).</param>
    public FieldCrop[] Crop(AlignedPage page, FormDefinition form, IReadOnlySet<string>? checkedBySum = null)
    {
        return form.Fields
            .Where(field => field.Kind is FieldKind.Count or FieldKind.Code)
            .Select(field => CropOne(page, field, checkedBySum?.Contains(field.Id) == true))
            .ToArray();
    }

    private FieldCrop CropOne(AlignedPage page, FieldDefinition field, bool checkedBySum)
    {
        var bounds = page.Bounds;
        var wanted = new Rect(field.Box.X - _margin, field.Box.Y - _margin, field.Box.Width + (2 * _margin), field.Box.Height + (2 * _margin));
        var rect = wanted.Intersect(bounds);
        if (rect.Width <= 0 || rect.Height <= 0)
        {
            throw new InvalidOperationException(
                $"Field '{field.Id}' lies outside the form's reference page {bounds.Width}x{bounds.Height}; the form definition is wrong.");
        }

        return new FieldCrop(field, new BoxRect(rect.X, rect.Y, rect.Width, rect.Height), page.Region(rect), checkedBySum);
    }
}
