using YamlDotNet.RepresentationModel;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>A YAML mapping read by key; keys outside the allowed set are rejected (they are usually typos).</summary>
internal sealed class YamlMapping
{
    private readonly YamlSource _source;
    private readonly string _what;
    private readonly Dictionary<string, YamlNode> _children = new(StringComparer.Ordinal);

    public YamlMapping(YamlSource source, YamlNode node, string what, params string[] allowedKeys)
    {
        _source = source;
        _what = what;
        Node = node as YamlMappingNode ?? throw source.Error(node, $"{what} must be a mapping of keys to values");
        foreach (var (keyNode, value) in Node.Children)
        {
            var key = source.Scalar(keyNode, $"a key of {what}");
            if (!allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                throw source.Error(keyNode, $"unknown key '{key}' in {what} (allowed: {string.Join(", ", allowedKeys)})");
            }

            _children[key] = value;
        }
    }

    public YamlMappingNode Node { get; }

    public YamlNode? Find(string key) => _children.GetValueOrDefault(key);

    public YamlNode Get(string key) =>
        Find(key) ?? throw _source.Error(Node, $"{_what} is missing '{key}'");

    public string String(string key) => _source.Scalar(Get(key), $"'{key}' of {_what}");

    public string? OptionalString(string key) =>
        Find(key) is { } node ? _source.Scalar(node, $"'{key}' of {_what}") : null;

    public int Integer(string key, int minimum) => _source.Integer(Get(key), $"'{key}' of {_what}", minimum);

    public int Integer(string key, int minimum, int fallback) =>
        Find(key) is { } node ? _source.Integer(node, $"'{key}' of {_what}", minimum) : fallback;

    public bool Boolean(string key, bool fallback) =>
        Find(key) is { } node ? _source.Boolean(node, $"'{key}' of {_what}") : fallback;

    public LocalizedText Text(string key) => _source.Text(Get(key), $"'{key}' of {_what}");

    /// <summary>An id usable in expressions: a letter or '_' then letters, digits or '_'.</summary>
    public string Identifier(string key)
    {
        var id = String(key);
        var valid = (char.IsAsciiLetter(id[0]) || id[0] == '_') && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return valid
            ? id
            : throw _source.Error(Get(key), $"'{id}' is not a valid id: use letters, digits and '_', starting with a letter");
    }
}
