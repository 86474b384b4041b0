using OpenCvSharp;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Synthetic.Generation;

/// <summary>Loads a form's blank reference image (<c>forms/&lt;id&gt;.png</c>) as the page to write on.</summary>
public static class BlankForm
{
    public static Mat Load(IFormCatalog catalog, FormDefinition form)
    {
        var path = catalog.ReferenceImagePath(form.Id)
            ?? throw new FileNotFoundException($"Form '{form.Id}' has no reference image (forms/{form.Id}.png); render it first.");
        var page = Cv2.ImRead(path, ImreadModes.Color);
        if (page.Empty())
        {
            page.Dispose();
            throw new InvalidDataException($"'{path}' is not a readable image.");
        }

        if (page.Width != form.ReferenceSize.Width || page.Height != form.ReferenceSize.Height)
        {
            var size = $"{page.Width}x{page.Height}";
            page.Dispose();
            throw new InvalidDataException(
                $"'{path}' is {size}, form '{form.Id}' expects {form.ReferenceSize.Width}x{form.ReferenceSize.Height}.");
        }

        return page;
    }
}
