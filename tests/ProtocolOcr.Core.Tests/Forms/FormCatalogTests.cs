using ProtocolOcr.Core.Forms.Loading;

namespace ProtocolOcr.Core.Tests.Forms;

public sealed class FormCatalogTests
{
    [Fact]
    public void Loads_every_yaml_file_of_a_directory()
    {
        var catalog = FormCatalog.LoadDirectory(TestData.Directory);

        Assert.Equal(["test.minimal"], catalog.FormIds);
        Assert.Equal("test.minimal", catalog.Get("test.minimal").Id);
        Assert.Null(catalog.ReferenceImagePath("test.minimal"));
    }

    [Fact]
    public void Unknown_form_id_is_a_clear_error()
    {
        var catalog = FormCatalog.LoadDirectory(TestData.Directory);

        var error = Assert.Throws<KeyNotFoundException>(() => catalog.Get("kz.nowhere"));

        Assert.Contains("kz.nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_directory_is_a_clear_error()
    {
        Assert.Throws<DirectoryNotFoundException>(() => FormCatalog.LoadDirectory(Path.Combine(TestData.Directory, "nope")));
    }

    [Fact]
    public void Reference_image_next_to_the_definition_is_found()
    {
        using var directory = new ScratchFormsDirectory(pngWidth: 1654, pngHeight: 2339);

        var catalog = FormCatalog.LoadDirectory(directory.Path);

        Assert.Equal(System.IO.Path.Combine(directory.Path, "test.minimal.png"), catalog.ReferenceImagePath("test.minimal"));
    }

    [Fact]
    public void Reference_image_of_another_size_is_rejected()
    {
        using var directory = new ScratchFormsDirectory(pngWidth: 827, pngHeight: 1170);

        var error = Assert.Throws<InvalidDataException>(() => FormCatalog.LoadDirectory(directory.Path));

        Assert.Contains("is 827x1170 but form 'test.minimal' has a 1654x2339 page", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_image_that_is_not_a_png_is_rejected()
    {
        using var directory = new ScratchFormsDirectory(pngWidth: 1654, pngHeight: 2339);
        File.WriteAllText(System.IO.Path.Combine(directory.Path, "test.minimal.png"), "not an image");

        var error = Assert.Throws<InvalidDataException>(() => FormCatalog.LoadDirectory(directory.Path));

        Assert.Contains("is not a PNG file", error.Message, StringComparison.Ordinal);
    }
}
