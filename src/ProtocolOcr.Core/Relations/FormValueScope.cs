using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Core.Relations;

/// <summary>
/// Resolves expression names against a form and the values read: a field id gives its value, a group id its members'
/// values in ballot order. A missing value of an optional field is replaced by the field's default.
/// </summary>
public sealed class FormValueScope
{
    private readonly Dictionary<string, FieldDefinition> _fields;
    private readonly Dictionary<string, FieldGroup> _groups;
    private readonly IReadOnlyDictionary<string, long?> _values;

    public FormValueScope(FormDefinition form, IReadOnlyDictionary<string, long?> values)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        _fields = form.Fields.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _groups = form.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        _values = values;
    }

    /// <summary>The values behind a name, or null when the form has no such field or group.</summary>
    public IReadOnlyList<long?>? Lookup(string name)
    {
        if (_fields.TryGetValue(name, out var field))
        {
            return [ValueOf(field)];
        }

        return _groups.TryGetValue(name, out var group)
            ? group.Members.Select(m => ValueOf(_fields[m.FieldId])).ToList()
            : null;
    }

    /// <summary>Ids of the fields behind <paramref name="names"/> that have no value and no default, in order.</summary>
    public IReadOnlyList<string> MissingValues(IEnumerable<NameReference> names) =>
        names.SelectMany(n => FieldIds(n.Name))
            .Distinct(StringComparer.Ordinal)
            .Where(id => _fields.TryGetValue(id, out var field) && ValueOf(field) is null)
            .ToList();

    private IEnumerable<string> FieldIds(string name) =>
        _groups.TryGetValue(name, out var group) ? group.Members.Select(m => m.FieldId) : [name];

    private long? ValueOf(FieldDefinition field)
    {
        var value = _values.TryGetValue(field.Id, out var read) ? read : null;
        return value ?? (field.Optional ? field.Default : null);
    }
}
