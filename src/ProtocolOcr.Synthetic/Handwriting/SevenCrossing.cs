using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// The bar a European writer puts through the stem of a 7 (ink mask, white on black, before the writer's slant).
/// The bar is centred on the stem where it crosses the bar's row, as people write it; a bar placed at the glyph's centre
/// misses the stem of a leaning 7 and closes a loop with its top stroke instead (read as 9 by people and machines).
/// Height, length, tilt and offset vary a little from one 7 to the next, as a hand does.
/// </summary>
public static class SevenCrossing
{
    /// <summary>Draws the bar and returns its two ends.</summary>
    public static (Point2d Left, Point2d Right) Draw(Mat ink, Random random)
    {
        var y = (int)Math.Round(ink.Height * (0.5 + random.NextDouble() * 0.1));
        var stemX = StemX(ink, y);
        var half = Math.Max(2.0, ink.Height * (0.14 + random.NextDouble() * 0.08));
        var centre = stemX + (random.NextDouble() * 2 - 1) * 0.25 * half;
        var tilt = (random.NextDouble() * 2 - 1) * 6 * Math.PI / 180;
        var dx = half * Math.Cos(tilt);
        var dy = half * Math.Sin(tilt);
        var left = new Point2d(centre - dx, y + dy);
        var right = new Point2d(centre + dx, y - dy);
        Cv2.Line(ink, new Point(left.X, left.Y), new Point(right.X, right.Y), Scalar.All(1), DigitGlyphFactory.StrokeWidth(ink), LineTypes.AntiAlias);
        return (left, right);
    }

    /// <summary>The ink-weighted centre of the row: a 7's row below its top stroke holds only the stem.</summary>
    public static double StemX(Mat ink, int row)
    {
        using var line = ink.Row(Math.Clamp(row, 0, ink.Height - 1));
        var moments = Cv2.Moments(line);
        return moments.M00 > 0 ? moments.M10 / moments.M00 : ink.Width / 2.0;
    }
}
