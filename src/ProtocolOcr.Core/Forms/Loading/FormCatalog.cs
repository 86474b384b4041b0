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
                var image = Path.ChangeExtension(path, ".png");
                return (FormLoader.LoadFile(path), File.Exists(image) ? Path.GetFullPath(image) : null);
            });
        return new FormCatalog(forms);
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
