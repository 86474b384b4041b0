using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Synthetic.Generation;

namespace ProtocolOcr.Synthetic.Tests;

/// <summary>The shipped forms, and a blank page for each: the shipped reference image when present, else boxes drawn here.</summary>
internal static class TestForms
{
    public const string President2019 = "kz.president.2019";

    private static readonly Lazy<FormCatalog> LazyCatalog = new(() => FormCatalog.LoadDirectory(FormsDirectory.Locate()));

    public static FormCatalog Catalog => LazyCatalog.Value;

    public static FormDefinition Get(string formId) => Catalog.Get(formId);

    public static Mat BlankPage(FormDefinition form)
    {
        if (Catalog.ReferenceImagePath(form.Id) is not null)
        {
            return BlankForm.Load(Catalog, form);
        }

        var page = new Mat(new Size(form.ReferenceSize.Width, form.ReferenceSize.Height), MatType.CV_8UC3, Scalar.All(255));
        foreach (var field in form.Fields)
        {
            Cv2.Rectangle(page, new Rect(field.Box.X, field.Box.Y, field.Box.Width, field.Box.Height), Scalar.All(0), 2);
            Cv2.PutText(page, field.Id, new Point(80, field.Box.Y + field.Box.Height - 15), HersheyFonts.HersheySimplex, 1, Scalar.All(0), 2);
        }

        return page;
    }
}
