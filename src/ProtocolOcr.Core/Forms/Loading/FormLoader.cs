using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>Loads and validates one form definition (YAML, see docs/forms.md).</summary>
public static class FormLoader
{
    /// <summary>Loads <c>&lt;id&gt;.yaml</c>; the id inside must match the file name.</summary>
    /// <exception cref="FormDefinitionException">The file is not a valid form definition.</exception>
    public static FormDefinition LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var form = LoadText(File.ReadAllText(path), path);
        var expectedId = Path.GetFileNameWithoutExtension(path);
        if (form.Id != expectedId)
        {
            throw new FormDefinitionException(path, 1, 1, $"form id '{form.Id}' does not match the file name (expected '{expectedId}')");
        }

        return form;
    }

    /// <summary>Loads a definition from text; <paramref name="fileName"/> is used in error messages only.</summary>
    /// <exception cref="FormDefinitionException">The text is not a valid form definition.</exception>
    public static FormDefinition LoadText(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var source = new YamlSource(fileName);
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new FormDefinitionException(fileName, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unterminated flow collections.
            var last = parser.Current?.End ?? Mark.Empty;
            throw new FormDefinitionException(
                fileName, (int)last.Line, (int)last.Column, "not valid YAML: unterminated '{' or '[' after this point", e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new FormDefinitionException(fileName, 1, 1, $"expected one YAML document, found {stream.Documents.Count}");
        }

        var (form, map) = new FormDocumentReader(source).Read(stream.Documents[0].RootNode);
        FormValidator.Validate(form, map, source);
        return form;
    }
}
