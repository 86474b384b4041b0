using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>Parses relations and hints and checks every name they use against the form's numeric fields and groups.</summary>
internal sealed class ExpressionValidator(FormDefinition form, YamlSource source)
{
    private readonly Dictionary<string, FieldDefinition> _fields = form.Fields.ToDictionary(f => f.Id, StringComparer.Ordinal);
    private readonly HashSet<string> _groups = form.Groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);

    public void CheckRelation(RelationDefinition relation, ExpressionSite site)
    {
        RelationExpression parsed;
        try
        {
            parsed = ExpressionParser.ParseRelation(relation.Expression);
        }
        catch (ExpressionSyntaxException e)
        {
            throw source.ExpressionError(site, e.Position, $"relation '{relation.Id}': {e.Problem}");
        }

        CheckNames(parsed.Names(), site, $"relation '{relation.Id}'");
    }

    public void CheckHint(string fieldId, string hint, string text, ExpressionSite site)
    {
        Expression parsed;
        try
        {
            parsed = ExpressionParser.Parse(text);
        }
        catch (ExpressionSyntaxException e)
        {
            throw source.ExpressionError(site, e.Position, $"{hint} of '{fieldId}': {e.Problem}");
        }

        CheckNames(parsed.Names(), site, $"{hint} of '{fieldId}'");
    }

    private void CheckNames(IEnumerable<NameReference> names, ExpressionSite site, string owner)
    {
        foreach (var name in names)
        {
            if (_groups.Contains(name.Name))
            {
                if (!name.AsAggregate)
                {
                    throw source.ExpressionError(site, name.Position,
                        $"{owner}: '{name.Name}' is a group; use it inside sum(), max() or min()");
                }

                continue;
            }

            if (!_fields.TryGetValue(name.Name, out var field))
            {
                throw source.ExpressionError(site, name.Position, $"{owner}: unknown field '{name.Name}'");
            }

            if (field.Kind is not (FieldKind.Count or FieldKind.Code))
            {
                throw source.ExpressionError(site, name.Position,
                    $"{owner}: '{name.Name}' is a {KindNames.Of(field.Kind)} field, not a number");
            }
        }
    }
}
