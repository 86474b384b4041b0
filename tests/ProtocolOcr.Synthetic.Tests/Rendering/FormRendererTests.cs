using ImageMagick;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Synthetic.Rendering;

namespace ProtocolOcr.Synthetic.Tests.Rendering;

/// <summary>
/// Checks the rendered forms by ink where the definition puts boxes (edges dark, insides clean), on a fresh render and
/// on the committed forms/&lt;id&gt;.png, so the shipped reference images cannot drift from their definitions.
/// </summary>
public sealed class FormRendererTests
{
    public static TheoryData<string> FormIds => new(RepositoryForms.Catalog.FormIds);

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Fresh_render_has_every_box_where_the_definition_says(string formId)
    {
        var form = RepositoryForms.Catalog.Get(formId);

        using var image = new FormRenderer().Render(form);

        AssertBoxesDrawn(form, image);
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Committed_reference_image_matches_its_definition(string formId)
    {
        var form = RepositoryForms.Catalog.Get(formId);
        var path = RepositoryForms.Catalog.ReferenceImagePath(formId);
        Assert.NotNull(path);

        using var image = new MagickImage(path);

        AssertBoxesDrawn(form, image);
    }

    [Fact]
    public void Writes_a_grayscale_png_at_the_reference_size()
    {
        var form = RepositoryForms.Catalog.Get("kz.president.2019");
        var path = Path.Combine(Path.GetTempPath(), $"render-{Guid.NewGuid():N}.png");
        try
        {
            new FormRenderer().RenderToFile(form, path);

            using var image = new MagickImage(path);
            Assert.Equal(MagickFormat.Png, image.Format);
            Assert.Equal((1654u, 2339u), (image.Width, image.Height));
            Assert.False(image.HasAlpha);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Rendering_the_same_definition_twice_gives_the_same_file()
    {
        var form = RepositoryForms.Catalog.Get("ru.uik.federal");
        var first = Path.Combine(Path.GetTempPath(), $"render-{Guid.NewGuid():N}.png");
        var second = Path.Combine(Path.GetTempPath(), $"render-{Guid.NewGuid():N}.png");
        try
        {
            new FormRenderer().RenderToFile(form, first);
            new FormRenderer().RenderToFile(form, second);

            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public void Labels_and_title_put_ink_outside_the_boxes()
    {
        var form = RepositoryForms.Catalog.Get("kz.president.2019");
        using var image = new FormRenderer().Render(form);
        using var probe = new InkProbe(image);
        var l1 = form.Field("L1").Box;

        Assert.True(probe.LightFraction(new BoxRect(FormRenderer.Margin, 60, 1494, 200)) < 0.97, "no title ink");
        Assert.True(probe.LightFraction(new BoxRect(FormRenderer.Margin + 60, l1.Y, l1.X - 300, l1.Height)) < 0.98, "no label ink for L1");
    }

    private static void AssertBoxesDrawn(FormDefinition form, MagickImage image)
    {
        Assert.Equal((form.ReferenceSize.Width, form.ReferenceSize.Height), ((int)image.Width, (int)image.Height));
        using var probe = new InkProbe(image);
        foreach (var field in form.Fields)
        {
            var box = field.Box;
            switch (field.Kind)
            {
                case FieldKind.Count or FieldKind.Code:
                    AssertFrame(probe, box, field.Id);
                    AssertCellsClean(probe, field);
                    if (field.WordsBox is { } words)
                    {
                        AssertFrame(probe, words, $"{field.Id} words");
                        Assert.True(probe.LightFraction(Inset(words, 4)) > 0.999, $"{field.Id}: words box is not clean inside");
                    }

                    break;
                case FieldKind.Text or FieldKind.Signature:
                    Assert.True(probe.DarkFractionOnRow(box.Bottom - 1, box.X, box.Right) > 0.99, $"{field.Id}: no line at the bottom");
                    Assert.True(probe.LightFraction(Inset(box, 4) with { Height = box.Height - 12 }) > 0.999, $"{field.Id}: not clean above its line");
                    break;
                case FieldKind.Stamp:
                    AssertDashedCircle(probe, box, field.Id);
                    break;
            }
        }
    }

    private static void AssertFrame(InkProbe probe, BoxRect box, string owner)
    {
        Assert.True(probe.DarkFractionOnRow(box.Y, box.X, box.Right) > 0.99, $"{owner}: top edge missing");
        Assert.True(probe.DarkFractionOnRow(box.Bottom - 1, box.X, box.Right) > 0.99, $"{owner}: bottom edge missing");
        Assert.True(probe.DarkFractionOnColumn(box.X, box.Y, box.Bottom) > 0.99, $"{owner}: left edge missing");
        Assert.True(probe.DarkFractionOnColumn(box.Right - 1, box.Y, box.Bottom) > 0.99, $"{owner}: right edge missing");
        Assert.True(probe.DarkFractionOnRow(box.Y - 3, box.X + 3, box.Right - 3) < 0.01, $"{owner}: frame is thicker or shifted up");
        Assert.True(probe.DarkFractionOnColumn(box.X - 3, box.Y + 3, box.Bottom - 3) < 0.01, $"{owner}: frame is thicker or shifted left");
    }

    private static void AssertCellsClean(InkProbe probe, FieldDefinition field)
    {
        var cells = Math.Max(field.DigitBoxes, 1);
        for (var cell = 0; cell < cells; cell++)
        {
            var left = field.Box.X + cell * field.Box.Width / cells;
            var right = field.Box.X + (cell + 1) * field.Box.Width / cells;
            var inside = Inset(new BoxRect(left, field.Box.Y, right - left, field.Box.Height), 4);
            Assert.True(probe.LightFraction(inside) > 0.999, $"{field.Id}: cell {cell + 1} is not clean inside");
            if (cell > 0)
            {
                Assert.True(probe.DarkFractionOnColumn(left, field.Box.Y, field.Box.Bottom) > 0.99, $"{field.Id}: no separator before cell {cell + 1}");
            }
        }
    }

    private static void AssertDashedCircle(InkProbe probe, BoxRect box, string owner)
    {
        var (cx, cy, radius) = (box.X + box.Width / 2.0, box.Y + box.Height / 2.0, box.Width / 2.0 - 2);
        var dark = Enumerable.Range(0, 360).Count(degree =>
        {
            var angle = degree * Math.PI / 180;
            var (x, y) = ((int)Math.Round(cx + radius * Math.Cos(angle)), (int)Math.Round(cy + radius * Math.Sin(angle)));
            return new[] { (x, y), (x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1) }.Any(p => probe.Value(p.Item1, p.Item2) < 128);
        });
        Assert.True(dark is >= 150 and <= 330, $"{owner}: {dark} of 360 degrees inked; expected a dashed circle");
    }

    private static BoxRect Inset(BoxRect box, int by) => new(box.X + by, box.Y + by, box.Width - 2 * by, box.Height - 2 * by);
}
