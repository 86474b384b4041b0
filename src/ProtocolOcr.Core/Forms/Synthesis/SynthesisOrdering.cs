namespace ProtocolOcr.Core.Forms.Synthesis;

/// <summary>Depth-first ordering of synthesis steps by the names their hints use, keeping declaration order otherwise.</summary>
internal sealed class SynthesisOrdering(
    IReadOnlyDictionary<string, SynthesisStep> steps,
    IReadOnlyDictionary<string, FieldGroup> groups,
    IEnumerable<string> declarationOrder)
{
    private readonly List<SynthesisStep> _ordered = [];
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);
    private readonly List<string> _path = [];

    public IReadOnlyList<SynthesisStep> Run()
    {
        foreach (var id in declarationOrder.Where(steps.ContainsKey))
        {
            Visit(id);
        }

        return _ordered;
    }

    private void Visit(string id)
    {
        if (_done.Contains(id))
        {
            return;
        }

        if (_path.Contains(id))
        {
            var cycle = _path.Skip(_path.IndexOf(id)).Append(id);
            throw new SynthesisException(id, $"hints form a cycle: {string.Join(" -> ", cycle)}");
        }

        _path.Add(id);
        var step = steps[id];
        foreach (var dependency in step.Names().SelectMany(n => FieldIds(step, n.Name)))
        {
            Visit(dependency);
        }

        _path.RemoveAt(_path.Count - 1);
        _done.Add(id);
        _ordered.Add(step);
    }

    private IEnumerable<string> FieldIds(SynthesisStep step, string name)
    {
        var ids = groups.TryGetValue(name, out var group) ? group.Members.Select(m => m.FieldId) : [name];
        foreach (var id in ids)
        {
            if (!steps.ContainsKey(id))
            {
                throw new SynthesisException(
                    step.Field.Id, $"hint uses '{name}', which is not a field with synthesis hints");
            }

            yield return id;
        }
    }
}
