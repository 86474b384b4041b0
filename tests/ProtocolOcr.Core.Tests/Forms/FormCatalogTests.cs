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
        var directory = Directory.CreateTempSubdirectory("forms-catalog-");
        try
        {
            File.Copy(TestData.MinimalForm, Path.Combine(directory.FullName, "test.minimal.yaml"));
            File.WriteAllBytes(Path.Combine(directory.FullName, "test.minimal.png"), [0x89, 0x50, 0x4E, 0x47]);

            var catalog = FormCatalog.LoadDirectory(directory.FullName);

            Assert.Equal(Path.Combine(directory.FullName, "test.minimal.png"), catalog.ReferenceImagePath("test.minimal"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
