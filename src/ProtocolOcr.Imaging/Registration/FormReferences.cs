using System.Collections.Concurrent;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// Every known form's prepared reference, loaded on first use and kept (thread-safe). Built from a form catalog's
/// ids and reference image paths; a form without a reference image has none here.
/// </summary>
public sealed class FormReferences : IDisposable
{
    private readonly IReadOnlyCollection<string> _formIds;
    private readonly Func<string, string?> _pathOf;
    private readonly ConcurrentDictionary<string, Lazy<FormReference?>> _loaded = new(StringComparer.Ordinal);

    public FormReferences(IReadOnlyCollection<string> formIds, Func<string, string?> referenceImagePath)
    {
        _formIds = formIds;
        _pathOf = referenceImagePath;
    }

    public FormReference? For(string formId) =>
        _loaded.GetOrAdd(formId, id => new Lazy<FormReference?>(() => _pathOf(id) is { } path ? FormReference.Load(id, path) : null)).Value;

    /// <summary>The references of every form but <paramref name="formId"/> (for telling which form a photo shows instead).</summary>
    public IEnumerable<FormReference> AllBut(string formId) =>
        _formIds.Where(id => id != formId).Select(For).OfType<FormReference>();

    public void Dispose()
    {
        foreach (var reference in _loaded.Values.Where(lazy => lazy.IsValueCreated))
        {
            reference.Value?.Dispose();
        }
    }
}
