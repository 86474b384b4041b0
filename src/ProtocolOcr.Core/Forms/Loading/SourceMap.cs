using YamlDotNet.RepresentationModel;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>Where each part of a loaded form was written, so validation errors can point at the line.</summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, YamlNode> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _boxes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _wordsBoxes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExpressionSite> _relations = new(StringComparer.Ordinal);
    private readonly Dictionary<(string FieldId, string Hint), ExpressionSite> _hints = [];

    public required YamlNode Title { get; init; }

    public void AddField(string fieldId, YamlNode entry, YamlNode box, YamlNode? wordsBox)
    {
        _fields[fieldId] = entry;
        _boxes[fieldId] = box;
        if (wordsBox is not null)
        {
            _wordsBoxes[fieldId] = wordsBox;
        }
    }

    public void AddGroup(string groupId, YamlNode entry) => _groups[groupId] = entry;

    public void AddRelation(string relationId, ExpressionSite expression) => _relations[relationId] = expression;

    public void AddHint(string fieldId, string hint, ExpressionSite expression) => _hints[(fieldId, hint)] = expression;

    public YamlNode Field(string fieldId) => _fields[fieldId];

    public YamlNode Group(string groupId) => _groups[groupId];

    public YamlNode Box(string fieldId) => _boxes[fieldId];

    public YamlNode WordsBox(string fieldId) => _wordsBoxes.GetValueOrDefault(fieldId) ?? _boxes[fieldId];

    public ExpressionSite Relation(string relationId) => _relations[relationId];

    public ExpressionSite Hint(string fieldId, string hint) => _hints[(fieldId, hint)];

    /// <summary>The first hint of a field, for errors about the field's hints as a whole.</summary>
    public YamlNode Hints(string fieldId) =>
        _hints.Where(h => h.Key.FieldId == fieldId).Select(h => h.Value.Node).FirstOrDefault() ?? _fields[fieldId];
}
