using YamlDotNet.RepresentationModel;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>Boxes must lie on the page, must not overlap, and digit cells must be big enough to write in.</summary>
internal static class BoxValidator
{
    public const int MinimumWritingHeight = 32;
    public const int MinimumCellWidth = 24;

    public static void Check(FormDefinition form, SourceMap map, YamlSource source)
    {
        var placed = new List<(string Owner, BoxRect Box)>();
        foreach (var field in form.Fields)
        {
            CheckOne(field.Box, $"box of '{field.Id}'", map.Box(field.Id));
            if (field.WordsBox is { } wordsBox)
            {
                CheckOne(wordsBox, $"words box of '{field.Id}'", map.WordsBox(field.Id));
            }

            CheckWritingSpace(field, map, source);
        }

        void CheckOne(BoxRect box, string owner, YamlNode node)
        {
            var page = form.ReferenceSize;
            if (box.Right > page.Width || box.Bottom > page.Height)
            {
                throw source.Error(node,
                    $"{owner} [{box.X}, {box.Y}, {box.Width}, {box.Height}] reaches outside the {page.Width}x{page.Height} page");
            }

            var other = placed.FirstOrDefault(p => p.Box.Overlaps(box));
            if (other.Owner is not null)
            {
                throw source.Error(node, $"{owner} overlaps the {other.Owner}");
            }

            placed.Add((owner, box));
        }
    }

    private static void CheckWritingSpace(FieldDefinition field, SourceMap map, YamlSource source)
    {
        var writable = field.Kind is FieldKind.Count or FieldKind.Code;
        if (field.DigitBoxes > 0 && !writable)
        {
            throw source.Error(map.Field(field.Id), $"'{field.Id}' is a {KindNames.Of(field.Kind)} field; only count and code fields have digit boxes");
        }

        if (field.Words && !writable)
        {
            throw source.Error(map.Field(field.Id), $"'{field.Id}' is a {KindNames.Of(field.Kind)} field; only count and code fields have words");
        }

        if (writable && field.Box.Height < MinimumWritingHeight)
        {
            throw source.Error(map.Box(field.Id),
                $"box of '{field.Id}' is {field.Box.Height} px tall; digits need at least {MinimumWritingHeight}");
        }

        if (field.DigitBoxes == 0)
        {
            return;
        }

        var cellWidth = field.Box.Width / field.DigitBoxes;
        if (cellWidth < MinimumCellWidth || cellWidth > 2 * field.Box.Height)
        {
            throw source.Error(map.Box(field.Id),
                $"box of '{field.Id}' gives {field.DigitBoxes} digit cells {cellWidth} px wide; a cell must be " +
                $"{MinimumCellWidth}..{2 * field.Box.Height} px wide (the box is {field.Box.Width}x{field.Box.Height})");
        }
    }
}
