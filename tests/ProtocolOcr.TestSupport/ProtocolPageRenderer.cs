using ImageMagick;
using ImageMagick.Drawing;
using OpenCvSharp;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.TestSupport;

/// <summary>Draws a filled-in protocol page at reference size: title, label per line, a bordered box per field, printed digits.</summary>
public static class ProtocolPageRenderer
{
    public const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private const int LabelPointSize = 28;

    /// <summary>Returns the page as BGR pixels. Fields missing from <paramref name="values"/> stay blank.</summary>
    public static Mat Render(FormDefinition form, IReadOnlyDictionary<string, long> values)
    {
        using var image = new MagickImage(MagickColors.White, (uint)form.ReferenceSize.Width, (uint)form.ReferenceSize.Height);
        var drawables = new Drawables()
            .Font(Font)
            .FillColor(MagickColors.Black)
            .FontPointSize(54)
            .Text(180, 220, "PROTOCOL OF THE VOTING RESULTS")
            .FontPointSize(34)
            .Text(180, 300, "Precinct election commission, copy 1")
            .StrokeColor(MagickColors.Black)
            .StrokeWidth(3)
            .Line(120, 380, form.ReferenceSize.Width - 120, 380);

        foreach (var field in form.Fields)
        {
            var box = field.Box;
            drawables
                .StrokeWidth(0)
                .FillColor(MagickColors.Black)
                .FontPointSize(LabelPointSize)
                .Text(140, box.Y + (box.Height / 2) + 10, LabelThatFits(field.Label.Any, box.X - 160))
                .StrokeColor(MagickColors.Black)
                .StrokeWidth(3)
                .FillColor(MagickColors.Transparent)
                .Rectangle(box.X, box.Y, box.Right, box.Bottom);
        }

        AddValues(drawables, form, values);
        drawables.Draw(image);
        return Cv2.ImDecode(image.ToByteArray(MagickFormat.Png), ImreadModes.Color);
    }

    /// <summary>
    /// Prints the values onto an existing page image (e.g. the form's reference PNG): one digit per cell, right-aligned,
    /// when the field has digit cells, otherwise left-aligned in the box. Returns BGR pixels.
    /// </summary>
    public static Mat FillIn(string pageImagePath, FormDefinition form, IReadOnlyDictionary<string, long> values)
    {
        using var image = new MagickImage(pageImagePath);
        var drawables = new Drawables().Font(Font).FillColor(MagickColors.Black);
        AddValues(drawables, form, values);
        drawables.Draw(image);
        return Cv2.ImDecode(image.ToByteArray(MagickFormat.Png), ImreadModes.Color);
    }

    private static void AddValues(IDrawables<byte> drawables, FormDefinition form, IReadOnlyDictionary<string, long> values)
    {
        drawables.StrokeWidth(0).FillColor(MagickColors.Black);
        foreach (var field in form.Fields)
        {
            if (!values.TryGetValue(field.Id, out long value))
            {
                continue;
            }

            var box = field.Box;
            string digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            double baseline = box.Y + (box.Height * 0.78);
            drawables.FontPointSize(box.Height * 0.7);
            if (field.DigitBoxes == 0)
            {
                drawables.Text(box.X + 24, baseline, digits);
                continue;
            }

            double cell = (double)box.Width / field.DigitBoxes;
            for (int i = 0; i < digits.Length; i++)
            {
                int cellIndex = field.DigitBoxes - digits.Length + i;
                drawables.Text(box.X + (cellIndex * cell) + (cell * 0.22), baseline, digits[i].ToString());
            }
        }
    }

    /// <summary>Cuts a label so it ends before the value column (DejaVu Sans averages ~0.6 em per character).</summary>
    private static string LabelThatFits(string label, int width)
    {
        int maxCharacters = Math.Max(4, (int)(width / (LabelPointSize * 0.6)));
        return label.Length <= maxCharacters ? label : label[..(maxCharacters - 1)] + "…";
    }
}
