namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>The forms of one directory: every <c>&lt;id&gt;.yaml</c>, with <c>&lt;id&gt;.png</c> as its reference image.</summary>
public sealed class FormCatalog : IFormCatalog
{
    private readonly IReadOnlyDictionary<string, FormDefinition> _forms;
    private readonly IReadOnlyDictionary<string, string?> _images;

    public FormCatalog(IEnumerable<(FormDefinition Form, string? ReferenceImagePath)> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var list = forms.ToList();
        _forms = list.ToDictionary(f => f.Form.Id, f => f.Form, StringComparer.Ordinal);
        _images = list.ToDictionary(f => f.Form.Id, f => f.ReferenceImagePath, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> FormIds => _forms.Keys.Order(StringComparer.Ordinal).ToList();

    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="FormDefinitionException">A file in it is not a valid form definition.</exception>
    /// <exception cref="InvalidDataException">A reference image is not a PNG of the form's page size.</exception>
    public static FormCatalog LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Forms directory '{directory}' does not exist.");
        }

        var forms = Directory.EnumerateFiles(directory, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var form = FormLoader.LoadFile(path);
                var image = Path.ChangeExtension(path, ".png");
                return (form, File.Exists(image) ? CheckedImage(form, Path.GetFullPath(image)) : null);
            });
        return new FormCatalog(forms);
    }

    /// <summary>A reference image must have the form's page size: boxes are cropped from it by coordinates.</summary>
    private static string CheckedImage(FormDefinition form, string imagePath)
    {
        var size = PngHeader.ReadSize(imagePath);
        return size == form.ReferenceSize
            ? imagePath
            : throw new InvalidDataException(
                $"Reference image '{imagePath}' is {size.Width}x{size.Height} but form '{form.Id}' has a " +
                $"{form.ReferenceSize.Width}x{form.ReferenceSize.Height} page; render it again (protocol-ocr render-form).");
    }

    public FormDefinition Get(string formId) =>
        _forms.TryGetValue(formId, out var form)
            ? form
            : throw new KeyNotFoundException($"Unknown form '{formId}'; known: {string.Join(", ", FormIds)}.");

    public string? ReferenceImagePath(string formId) =>
        _images.TryGetValue(formId, out var path)
            ? path
            : throw new KeyNotFoundException($"Unknown form '{formId}'; known: {string.Join(", ", FormIds)}.");
}
