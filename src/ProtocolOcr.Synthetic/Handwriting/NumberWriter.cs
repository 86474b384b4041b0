using OpenCvSharp;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// Writes a number into a field's box on the page, as a person (or a printer) would: one digit per cell when the
/// field has digit cells, otherwise a row of digits with per-digit jitter of size, slant, baseline and spacing.
/// </summary>
public sealed class NumberWriter(DigitGlyphFactory glyphs, GlyphRasterizer rasterizer)
{
    public IReadOnlyList<WrittenDigit> WriteNumber(InkLayer ink, FieldDefinition field, long value, WritingStyle style, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => c - '0').ToArray();
        return field.DigitBoxes >= digits.Length
            ? WriteInCells(ink, field, digits, style, random)
            : WriteInRow(ink, field.Box, digits, style, random);
    }

    /// <summary>Writes the number in words (kk or ru) inside the field's words box.</summary>
    public void WriteWords(InkLayer ink, BoxRect box, long value, string language, WritingStyle style, Random random)
    {
        var text = NumberWords.Write(value, language);
        using var rendered = rasterizer.Text(style.WordsFontPath, text, 48);
        var scale = Math.Min(box.Height * (0.5 + random.NextDouble() * 0.2) / rendered.Height, box.Width * 0.95 / rendered.Width);
        var size = new Size(Math.Max(1, (int)(rendered.Width * scale)), Math.Max(1, (int)(rendered.Height * scale)));
        using var words = new Mat();
        Cv2.Resize(rendered, words, size, 0, 0, InterpolationFlags.Area);
        var x = box.X + (int)((box.Width - size.Width) * random.NextDouble() * 0.3);
        var y = box.Y + (box.Height - size.Height) / 2 + (int)((random.NextDouble() - 0.5) * box.Height * 0.15);
        ink.Add(words, x, y, 0.85 + random.NextDouble() * 0.15);
    }

    private List<WrittenDigit> WriteInCells(InkLayer ink, FieldDefinition field, int[] digits, WritingStyle style, Random random)
    {
        var cellWidth = field.Box.Width / (double)field.DigitBoxes;
        var firstCell = random.NextDouble() < 0.5 ? field.DigitBoxes - digits.Length : 0;
        var written = new List<WrittenDigit>(digits.Length);
        for (var i = 0; i < digits.Length; i++)
        {
            var cell = new Rect2d(field.Box.X + (firstCell + i) * cellWidth, field.Box.Y, cellWidth, field.Box.Height);
            var height = (int)(cell.Height * style.HeightFraction * Jitter(random, style.SizeJitter));
            using var glyph = glyphs.Create(digits[i], height, style, random);
            FitWidth(glyph, (int)(cell.Width * 0.85));
            var x = cell.X + (cell.Width - glyph.Ink.Width) / 2 + Signed(random) * style.PositionJitter * cell.Width;
            var y = cell.Y + (cell.Height - glyph.Ink.Height) / 2 + Signed(random) * style.BaselineJitter * cell.Height;
            written.Add(Place(ink, glyph, Inside(x, glyph.Ink.Width, cell.X, cell.Width), Inside(y, glyph.Ink.Height, cell.Y, cell.Height), style, random));
        }

        return written;
    }

    private List<WrittenDigit> WriteInRow(InkLayer ink, BoxRect box, int[] digits, WritingStyle style, Random random)
    {
        var baseHeight = box.Height * style.HeightFraction;
        var made = digits
            .Select(digit => glyphs.Create(digit, (int)(baseHeight * Jitter(random, style.SizeJitter)), style, random))
            .ToList();
        try
        {
            var gap = baseHeight * style.Spacing;
            var advances = made.Select(glyph => Math.Max(glyph.Ink.Width, baseHeight * 0.45) + gap).ToArray();
            var total = advances.Sum() - gap;
            var available = box.Width * 0.92;
            if (total > available)
            {
                var shrink = available / total;
                foreach (var glyph in made)
                {
                    Resize(glyph, shrink);
                }

                advances = advances.Select(advance => advance * shrink).ToArray();
                total = available;
            }

            var slack = box.Width - total;
            var x = box.X + slack * (0.04 + random.NextDouble() * 0.5);
            var centreY = box.Y + box.Height * (0.5 + Signed(random) * style.PositionJitter);
            var written = new List<WrittenDigit>(made.Count);
            for (var i = 0; i < made.Count; i++)
            {
                var glyph = made[i];
                var left = x + (advances[i] - gap - glyph.Ink.Width) / 2;
                var top = centreY - glyph.Ink.Height / 2.0 + Signed(random) * style.BaselineJitter * box.Height;
                written.Add(Place(ink, glyph, Inside(left, glyph.Ink.Width, box.X, box.Width), Inside(top, glyph.Ink.Height, box.Y, box.Height), style, random));
                x += advances[i];
            }

            return written;
        }
        finally
        {
            foreach (var glyph in made)
            {
                glyph.Dispose();
            }
        }
    }

    private static WrittenDigit Place(InkLayer ink, DigitGlyph glyph, int x, int y, WritingStyle style, Random random)
    {
        var strength = style.Printed ? 1 : 0.85 + random.NextDouble() * 0.15;
        ink.Add(glyph.Ink, x, y, strength);
        return new WrittenDigit(glyph.Digit, new Rect(x, y, glyph.Ink.Width, glyph.Ink.Height), glyph.MnistIndex);
    }

    private static void FitWidth(DigitGlyph glyph, int maxWidth)
    {
        if (glyph.Ink.Width > maxWidth)
        {
            Resize(glyph, maxWidth / (double)glyph.Ink.Width);
        }
    }

    private static void Resize(DigitGlyph glyph, double scale)
    {
        var size = new Size(Math.Max(1, (int)(glyph.Ink.Width * scale)), Math.Max(1, (int)(glyph.Ink.Height * scale)));
        Cv2.Resize(glyph.Ink, glyph.Ink, size, 0, 0, InterpolationFlags.Area);
    }

    /// <summary>Clamps a glyph's start so the whole glyph stays inside [start, start + length) where it fits.</summary>
    private static int Inside(double position, int size, double start, double length) =>
        (int)Math.Round(Math.Clamp(position, start + 1, Math.Max(start + 1, start + length - size - 1)));

    private static double Jitter(Random random, double amount) => 1 + Signed(random) * amount;

    private static double Signed(Random random) => random.NextDouble() * 2 - 1;
}
