using YamlDotNet.RepresentationModel;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>Turns the YAML tree of one form file into a <see cref="FormDefinition"/> and a <see cref="SourceMap"/>.</summary>
internal sealed class FormDocumentReader(YamlSource source)
{
    /// <summary>A4 at 200 dpi.</summary>
    public static readonly PageSize DefaultPage = new(1654, 2339);

    public (FormDefinition Form, SourceMap Map) Read(YamlNode root)
    {
        var document = new YamlMapping(
            source, root, "the form", "id", "version", "title", "languages", "sources", "page", "rows", "fields", "relations",
            "title_lines");
        var id = document.String("id");
        if (!FormIds.IsValid(id))
        {
            throw source.Error(document.Get("id"), $"form id '{id}' must be lower-case words joined by '.', '-' or '_'");
        }

        var languages = source.Strings(document.Get("languages"), "'languages'");
        var badLanguage = languages.FirstOrDefault(l => !LanguageCodes.IsValid(l));
        if (languages.Count == 0 || badLanguage is not null)
        {
            throw source.Error(document.Get("languages"), "'languages' must list two-letter codes such as kk, ru");
        }

        var map = new SourceMap { Title = document.Get("title") };
        var page = ReadPage(document.Find("page"));
        var rows = ReadRows(document.Find("rows"));
        var fieldList = new FieldListReader(source, map, rows);
        fieldList.Read(source.Sequence(document.Get("fields"), "'fields'"));
        var relations = ReadRelations(document.Find("relations"), map);
        var sources = document.Find("sources") is { } sourcesNode ? source.Strings(sourcesNode, "'sources'") : [];
        var titleLines = document.Find("title_lines") is { } titleLinesNode
            ? source.Sequence(titleLinesNode, "'title_lines'").Children.Select((box, index) => source.Box(box, $"title line {index + 1}")).ToList()
            : [];

        var form = new FormDefinition(
            id, document.String("version"), document.Text("title"), languages, page,
            fieldList.Fields, fieldList.Groups, relations, sources, titleLines);
        return (form, map);
    }

    private PageSize ReadPage(YamlNode? node)
    {
        if (node is null)
        {
            return DefaultPage;
        }

        var page = new YamlMapping(source, node, "'page'", "width", "height");
        return new PageSize(page.Integer("width", 100), page.Integer("height", 100));
    }

    private RowLayout? ReadRows(YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var rows = new YamlMapping(source, node, "'rows'", "top", "pitch", "height", "left", "value", "words");
        var pitch = rows.Integer("pitch", 1);
        var height = rows.Integer("height", 1);
        if (height > pitch)
        {
            throw source.Error(rows.Get("height"), $"row box height {height} is taller than the row pitch {pitch}");
        }

        return new RowLayout(
            rows.Integer("top", 0), pitch, height, rows.Integer("left", 0, fallback: 80),
            ReadColumn(rows.Get("value"), "'rows.value'"),
            rows.Find("words") is { } words ? ReadColumn(words, "'rows.words'") : null);
    }

    private BoxColumn ReadColumn(YamlNode node, string what)
    {
        var column = new YamlMapping(source, node, what, "x", "width");
        return new BoxColumn(column.Integer("x", 0), column.Integer("width", 1));
    }

    private List<RelationDefinition> ReadRelations(YamlNode? node, SourceMap map)
    {
        var relations = new List<RelationDefinition>();
        if (node is null)
        {
            return relations;
        }

        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var entry in source.Sequence(node, "'relations'").Children)
        {
            var relation = new YamlMapping(source, entry, "a relation", "id", "expr", "severity", "tolerance");
            var id = relation.Identifier("id");
            if (seen.TryGetValue(id, out var first))
            {
                throw source.Error(relation.Get("id"), $"duplicate relation id '{id}' (first at line {first.Start.Line})");
            }

            seen[id] = relation.Get("id");
            var severity = relation.String("severity") switch
            {
                "error" => RelationSeverity.Error,
                "warning" => RelationSeverity.Warning,
                var other => throw source.Error(
                    relation.Get("severity"), $"severity must be 'error' or 'warning', not '{other}'"),
            };
            var tolerance = relation.Find("tolerance") is { } toleranceNode
                ? (double)source.Decimal(toleranceNode, "'tolerance'")
                : 0;
            map.AddRelation(id, new ExpressionSite(relation.Get("expr"), Exact: true));
            relations.Add(new RelationDefinition(id, relation.String("expr"), severity, tolerance));
        }

        return relations;
    }
}
