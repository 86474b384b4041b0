using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>Reads typed values out of YAML nodes of one file, failing with the node's position.</summary>
internal sealed class YamlSource(string fileName)
{
    public string FileName { get; } = fileName;

    public FormDefinitionException Error(YamlNode node, string problem) => Error(node.Start, problem);

    public FormDefinitionException Error(Mark mark, string problem) =>
        new(FileName, (int)mark.Line, (int)mark.Column, problem);

    /// <summary>An error inside an expression: the column points at the character when the node holds the expression.</summary>
    public FormDefinitionException ExpressionError(ExpressionSite site, int position, string problem)
    {
        if (!site.Exact || site.Node is not YamlScalarNode scalar)
        {
            return Error(site.Node, problem);
        }

        var quote = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        return new FormDefinitionException(
            FileName, (int)scalar.Start.Line, (int)scalar.Start.Column + quote + position, problem);
    }

    public string Scalar(YamlNode node, string what)
    {
        if (node is not YamlScalarNode { Value: { Length: > 0 } value })
        {
            throw Error(node, $"{what} must be a non-empty value");
        }

        return value;
    }

    public int Integer(YamlNode node, string what, int minimum)
    {
        var text = Scalar(node, what);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(node, $"{what} must be a whole number, not '{text}'");
        }

        return value >= minimum ? value : throw Error(node, $"{what} must be at least {minimum}, not {value}");
    }

    public long Long(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, $"{what} must be a whole number, not '{text}'");
    }

    public decimal Decimal(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, $"{what} must be a non-negative number, not '{text}'");
    }

    public bool Boolean(YamlNode node, string what) => Scalar(node, what) switch
    {
        "true" => true,
        "false" => false,
        var other => throw Error(node, $"{what} must be true or false, not '{other}'"),
    };

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

    public IReadOnlyList<string> Strings(YamlNode node, string what) =>
        Sequence(node, what).Children.Select(child => Scalar(child, $"an item of {what}")).ToList();

    /// <summary>A box written as <c>[x, y, width, height]</c> in reference pixels.</summary>
    public BoxRect Box(YamlNode node, string what)
    {
        var items = Sequence(node, what).Children;
        if (items.Count != 4)
        {
            throw Error(node, $"{what} must be [x, y, width, height], got {items.Count} numbers");
        }

        return new BoxRect(
            Integer(items[0], $"{what} x", 0), Integer(items[1], $"{what} y", 0),
            Integer(items[2], $"{what} width", 1), Integer(items[3], $"{what} height", 1));
    }

    /// <summary>Text per language: <c>{ kk: ..., ru: ... }</c>.</summary>
    public LocalizedText Text(YamlNode node, string what)
    {
        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            throw Error(node, $"{what} must map language codes to text, e.g. {{ kk: ..., ru: ... }}");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var language = Scalar(key, $"a language code in {what}");
            if (!LanguageCodes.IsValid(language))
            {
                throw Error(key, $"'{language}' in {what} is not a two-letter language code");
            }

            texts[language] = Scalar(value, $"{what} ({language})");
        }

        return new LocalizedText(texts);
    }
}
