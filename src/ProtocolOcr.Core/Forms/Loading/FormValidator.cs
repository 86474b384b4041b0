using YamlDotNet.RepresentationModel;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>Checks a form read from YAML beyond its syntax; the first problem found is thrown with its position.</summary>
internal static class FormValidator
{
    public static void Validate(FormDefinition form, SourceMap map, YamlSource source)
    {
        CheckLanguages(form, map, source);
        BoxValidator.Check(form, map, source);
        var names = new ExpressionValidator(form, source);
        foreach (var relation in form.Relations)
        {
            names.CheckRelation(relation, map.Relation(relation.Id));
        }

        new SynthesisValidator(form, map, source, names).Check();
    }

    private static void CheckLanguages(FormDefinition form, SourceMap map, YamlSource source)
    {
        CheckText(form.Title, "the title", map.Title);
        foreach (var field in form.Fields)
        {
            CheckText(field.Label, $"the label of '{field.Id}'", map.Field(field.Id));
        }

        foreach (var group in form.Groups)
        {
            CheckText(group.Label, $"the label of group '{group.Id}'", map.Group(group.Id));
        }

        void CheckText(LocalizedText text, string what, YamlNode node)
        {
            var missing = form.Languages.FirstOrDefault(language => !text.ByLanguage.ContainsKey(language));
            if (missing is not null)
            {
                throw source.Error(node, $"{what} has no '{missing}' text, but the form's languages include it");
            }
        }
    }
}
