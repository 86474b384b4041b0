namespace ProtocolOcr.Core.Forms;

/// <summary>The forms known to this installation, loaded from the forms directory at start.</summary>
public interface IFormCatalog
{
    IReadOnlyCollection<string> FormIds { get; }

    /// <summary>Throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    FormDefinition Get(string formId);

    /// <summary>Path of the blank form's reference image (PNG, reference size), or null when none is shipped.</summary>
    string? ReferenceImagePath(string formId);
}
