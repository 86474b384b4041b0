using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>
/// Reads the <c>fields</c> list: plain fields and <c>group</c> entries, whose members become fields
/// <c>{group}{n}</c>. Boxes come from <c>box</c>/<c>words_box</c> or, when absent, from the next layout row.
/// </summary>
internal sealed class FieldListReader(YamlSource source, SourceMap map, RowLayout? rows)
{
    private static readonly string[] FieldKeys =
        ["id", "kind", "line", "label", "box", "digit_boxes", "words", "words_box", "optional", "default", "synthesis"];

    private readonly Dictionary<string, YamlNode> _ids = new(StringComparer.Ordinal);

    public List<FieldDefinition> Fields { get; } = [];

    public List<FieldGroup> Groups { get; } = [];

    public void Read(YamlSequenceNode entries)
    {
        foreach (var entry in entries.Children)
        {
            if (entry is YamlMappingNode mapping && mapping.Children.ContainsKey(new YamlScalarNode("group")))
            {
                ReadGroup(entry);
            }
            else
            {
                ReadField(entry);
            }
        }
    }

    private void ReadField(YamlNode entry)
    {
        var field = new YamlMapping(source, entry, "a field", FieldKeys);
        var id = field.Identifier("id");
        Claim(id, field.Get("id"));
        var kind = ReadKind(field.Find("kind"));
        var optional = field.Boolean("optional", fallback: false);
        var defaultValue = ReadDefault(field, optional, kind);
        var words = field.Boolean("words", fallback: false);
        var (box, wordsBox) = ReadBoxes(field, id, words);
        Fields.Add(new FieldDefinition(
            id, kind, box, field.Text("label"), field.OptionalString("line"), field.Integer("digit_boxes", 0, fallback: 0),
            words, wordsBox, optional, defaultValue, Synthesis: ReadSynthesis(field.Find("synthesis"), id)));
    }

    private void ReadGroup(YamlNode entry)
    {
        var group = new YamlMapping(
            source, entry, "a group", "group", "label", "first_line", "split", "words", "digit_boxes", "heading", "members");
        var id = group.Identifier("group");
        Claim(id, group.Get("group"));
        map.AddGroup(id, entry);
        var words = group.Boolean("words", fallback: false);
        var digitBoxes = group.Integer("digit_boxes", 0, fallback: 0);
        var firstLine = group.Find("first_line") is { } lineNode ? source.Integer(lineNode, "'first_line'", 0) : (int?)null;
        var members = source.Sequence(group.Get("members"), $"'members' of group '{id}'").Children;
        if (members.Count == 0)
        {
            throw source.Error(group.Get("members"), $"group '{id}' has no members");
        }

        var memberNodes = members.Select(m => new YamlMapping(source, m, $"a member of group '{id}'", "name", "line", "box", "words_box")).ToList();
        BoxRect? heading = group.Boolean("heading", fallback: true) && rows is not null && memberNodes[0].Find("box") is null
            ? rows.NextHeading()
            : null;
        var split = group.Find("split");
        var memberIds = Enumerable.Range(1, members.Count).Select(n => $"{id}{n}").ToList();
        var groupMembers = new List<GroupMember>();
        for (var i = 0; i < memberNodes.Count; i++)
        {
            var member = memberNodes[i];
            Claim(memberIds[i], member.Node);
            var name = member.Text("name");
            var line = member.OptionalString("line") ?? (firstLine + i)?.ToString(CultureInfo.InvariantCulture);
            var (box, wordsBox) = ReadBoxes(member, memberIds[i], words);
            var synthesis = split is null ? null : SplitHint(split, memberIds, i);
            Fields.Add(new FieldDefinition(
                memberIds[i], FieldKind.Count, box, name, line, digitBoxes, words, wordsBox, Group: id, Synthesis: synthesis));
            groupMembers.Add(new GroupMember(memberIds[i], name));
        }

        Groups.Add(new FieldGroup(id, group.Text("label"), groupMembers, heading));
    }

    /// <summary>
    /// <c>split: T</c> shares the total T among the members. With k members still to fill and R of T left, a member
    /// draws from 0..min(1, 2/k)*R (R/k on average, so shares are even in expectation); the last takes the rest.
    /// </summary>
    private FieldSynthesis SplitHint(YamlNode split, IReadOnlyList<string> memberIds, int index)
    {
        var total = source.Scalar(split, "'split'");
        var site = new ExpressionSite(split, Exact: false);
        var rest = $"({total}){string.Concat(memberIds.Take(index).Select(id => $" - {id}"))}";
        var membersLeft = memberIds.Count - index;
        if (membersLeft == 1)
        {
            map.AddHint(memberIds[index], "derive", site);
            return new FieldSynthesis(Derive: rest);
        }

        map.AddHint(memberIds[index], "max", site);
        var share = Math.Min(1m, Math.Round(2m / membersLeft, 4));
        return new FieldSynthesis(Max: share == 1m ? rest : $"{share.ToString(CultureInfo.InvariantCulture)} * ({rest})");
    }

    private (BoxRect Box, BoxRect? WordsBox) ReadBoxes(YamlMapping field, string id, bool words)
    {
        var boxNode = field.Find("box");
        var wordsNode = field.Find("words_box");
        if (wordsNode is not null && !words)
        {
            throw source.Error(wordsNode, $"'{id}' has a words_box but not words: true");
        }

        BoxRect box;
        BoxRect? wordsBox = null;
        if (boxNode is not null)
        {
            box = source.Box(boxNode, $"box of '{id}'");
        }
        else if (rows is not null)
        {
            (box, wordsBox) = rows.NextField();
        }
        else
        {
            throw source.Error(field.Node, $"'{id}' has no box and the form has no 'rows' layout to place it");
        }

        if (wordsNode is not null)
        {
            wordsBox = source.Box(wordsNode, $"words_box of '{id}'");
        }
        else if (words && (boxNode is not null || wordsBox is null))
        {
            throw source.Error(field.Node, $"'{id}' has words: true but no words_box (nor a rows.words column)");
        }

        map.AddField(id, field.Node, boxNode ?? field.Node, words ? wordsNode ?? field.Node : null);
        return (box, words ? wordsBox : null);
    }

    private FieldKind ReadKind(YamlNode? node) => node is null
        ? FieldKind.Count
        : source.Scalar(node, "'kind'") switch
        {
            "count" => FieldKind.Count,
            "code" => FieldKind.Code,
            "text" => FieldKind.Text,
            "signature" => FieldKind.Signature,
            "stamp" => FieldKind.Stamp,
            var other => throw source.Error(node, $"unknown kind '{other}' (use count, code, text, signature or stamp)"),
        };

    private long? ReadDefault(YamlMapping field, bool optional, FieldKind kind)
    {
        if (field.Find("default") is not { } node)
        {
            return optional && kind == FieldKind.Count ? 0 : null;
        }

        return optional
            ? source.Long(node, "'default'")
            : throw source.Error(node, "'default' is only for optional fields (add optional: true)");
    }

    private FieldSynthesis? ReadSynthesis(YamlNode? node, string fieldId)
    {
        if (node is null)
        {
            return null;
        }

        var hints = new YamlMapping(source, node, $"synthesis of '{fieldId}'", "min", "max", "derive");
        foreach (var hint in new[] { "min", "max", "derive" })
        {
            if (hints.Find(hint) is { } hintNode)
            {
                map.AddHint(fieldId, hint, new ExpressionSite(hintNode, Exact: true));
            }
        }

        return new FieldSynthesis(hints.OptionalString("min"), hints.OptionalString("max"), hints.OptionalString("derive"));
    }

    private void Claim(string id, YamlNode node)
    {
        if (_ids.TryGetValue(id, out var first))
        {
            throw source.Error(node, $"duplicate id '{id}' (first at line {first.Start.Line})");
        }

        _ids[id] = node;
    }
}
