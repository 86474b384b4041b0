namespace ProtocolOcr.Core.Forms;

/// <summary>
/// A protocol form as data: its fields in reference coordinates and the relations between their values.
/// Loaded from a file in <c>forms/</c>; adding a form needs no code change. <see cref="Sources"/> says where the
/// lines, labels and candidates come from (laws, published protocols). <see cref="TitleLines"/> are the boxes of the
/// printed title lines that tell this form from another of the same layout (the election's date), for the pipeline
/// to read and confirm; empty when the form does not name them.
/// </summary>
public sealed record FormDefinition(
    string Id,
    string Version,
    LocalizedText Title,
    IReadOnlyList<string> Languages,
    PageSize ReferenceSize,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<FieldGroup> Groups,
    IReadOnlyList<RelationDefinition> Relations,
    IReadOnlyList<string>? Sources = null,
    IReadOnlyList<BoxRect>? TitleLines = null)
{
    public FieldDefinition Field(string id) =>
        Fields.FirstOrDefault(f => f.Id == id)
        ?? throw new KeyNotFoundException($"Form '{Id}' has no field '{id}'.");

    public IEnumerable<FieldDefinition> CountFields => Fields.Where(f => f.Kind == FieldKind.Count);
}
