using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Synthetic.Handwriting;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// A signature: a fast cursive stroke of loops whose height and width change from loop to loop, drifting off the
/// baseline, often ending in an underline flourish; in ballpoint ink.
/// </summary>
public static class SignatureScribble
{
    private const int StepsPerLoop = 24;

    public static void Draw(InkLayer ink, BoxRect box, Random random)
    {
        var width = box.Width * (0.35 + random.NextDouble() * 0.5);
        var startX = box.X + random.NextDouble() * (box.Width - width);
        var baseY = box.Y + box.Height * (0.45 + random.NextDouble() * 0.3);
        var height = box.Height * (0.3 + random.NextDouble() * 0.5);
        var loops = 4 + random.Next(8);
        var drift = (random.NextDouble() - 0.5) * box.Height * 0.5;
        var loopHeights = Enumerable.Range(0, loops + 1).Select(_ => 0.3 + random.NextDouble() * 0.9).ToArray();
        var loopWidths = Enumerable.Range(0, loops + 1).Select(_ => random.NextDouble() * 0.9).ToArray();
        var steps = loops * StepsPerLoop;
        var points = new List<Point>(steps + 2);
        for (var i = 0; i <= steps; i++)
        {
            var t = i / (double)steps;
            var loop = Math.Min(loops - 1, i / StepsPerLoop);
            var within = (i % StepsPerLoop) / (double)StepsPerLoop;
            var loopHeight = Lerp(loopHeights[loop], loopHeights[loop + 1], within) * height;
            var loopWidth = Lerp(loopWidths[loop], loopWidths[loop + 1], within) * width / loops;
            var angle = t * loops * Math.PI * 2;
            var x = startX + width * t - Math.Sin(angle) * loopWidth;
            var y = baseY + drift * t - (1 - Math.Cos(angle)) / 2 * loopHeight;
            points.Add(new Point((int)x, (int)y));
        }

        if (random.NextDouble() < 0.6)
        {
            var end = points[^1];
            points.Add(new Point((int)(startX - width * 0.1 * random.NextDouble()), (int)(end.Y + box.Height * 0.2)));
        }

        Cv2.Polylines(ink.Coverage, [points], false, Scalar.All(0.9), 2 + random.Next(2), LineTypes.AntiAlias);
    }

    private static double Lerp(double from, double to, double fraction) => from + (to - from) * fraction;
}
