using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// What lies around the page: a desk surface (wood grain, plain, cloth) and, when cluttered, other sheets, pens,
/// a phone, a cup. Drawn at a quarter of the frame's resolution and upscaled, as a slightly defocused background would be.
/// </summary>
public static class BackgroundClutter
{
    private static readonly Scalar[] Surfaces =
    [
        new(60, 100, 150), new(40, 70, 110), new(105, 105, 105), new(45, 42, 40), new(120, 85, 55), new(70, 110, 90), new(170, 175, 180),
    ];

    public static Mat Render(Size frame, bool cluttered, Random random)
    {
        var small = new Size(Math.Max(8, frame.Width / 4), Math.Max(8, frame.Height / 4));
        using var canvas = new Mat(small, MatType.CV_8UC3, Surfaces[random.Next(Surfaces.Length)]);
        Shade(canvas, random);
        if (cluttered)
        {
            var objects = 1 + random.Next(4);
            for (var i = 0; i < objects; i++)
            {
                DrawObject(canvas, random);
            }
        }

        var background = new Mat();
        Cv2.Resize(canvas, background, frame, 0, 0, InterpolationFlags.Linear);
        return background;
    }

    private static void Shade(Mat canvas, Random random)
    {
        var grained = random.NextDouble() < 0.5;
        using var coarse = grained
            ? SmoothNoise.Create(new Size(3, 60), 3, random)
            : SmoothNoise.Create(new Size(8, 8), 4, random);
        using var field = new Mat();
        Cv2.Resize(coarse, field, canvas.Size(), 0, 0, InterpolationFlags.Cubic);
        if (grained && random.NextDouble() < 0.5)
        {
            Cv2.Transpose(field, field);
            Cv2.Resize(field, field, canvas.Size());
        }

        field.ConvertTo(field, MatType.CV_32FC1, 0.35, 0.8);
        GainMap.Apply(canvas, field);
    }

    private static void DrawObject(Mat canvas, Random random)
    {
        var centre = new Point2f((float)(random.NextDouble() * canvas.Width), (float)(random.NextDouble() * canvas.Height));
        var extent = Math.Min(canvas.Width, canvas.Height);
        switch (random.Next(4))
        {
            case 0: // another sheet of paper
                Fill(canvas, new RotatedRect(centre, new Size2f(extent * 0.5, extent * 0.7), random.Next(180)), Gray(random, 200, 245));
                break;
            case 1: // a pen
                Fill(canvas, new RotatedRect(centre, new Size2f(extent * 0.35, extent * 0.025), random.Next(180)), RandomColour(random));
                break;
            case 2: // a phone or a book
                Fill(canvas, new RotatedRect(centre, new Size2f(extent * 0.2, extent * 0.4), random.Next(180)), RandomColour(random));
                break;
            default: // a cup seen from above
                var radius = (int)(extent * (0.08 + random.NextDouble() * 0.08));
                Cv2.Circle(canvas, (Point)centre, radius, RandomColour(random), -1, LineTypes.AntiAlias);
                Cv2.Circle(canvas, (Point)centre, (int)(radius * 0.8), Gray(random, 30, 90), -1, LineTypes.AntiAlias);
                break;
        }
    }

    private static void Fill(Mat canvas, RotatedRect shape, Scalar colour)
    {
        var corners = shape.Points().Select(point => (Point)point).ToArray();
        Cv2.FillConvexPoly(canvas, corners, colour, LineTypes.AntiAlias);
    }

    private static Scalar Gray(Random random, int low, int high)
    {
        var level = random.Next(low, high);
        return new Scalar(level, level, level);
    }

    /// <summary>A muted colour: real objects under indoor light are far less saturated than random RGB.</summary>
    private static Scalar RandomColour(Random random)
    {
        var gray = 60 + random.Next(120);
        return new Scalar(Mix(gray, random.Next(256)), Mix(gray, random.Next(256)), Mix(gray, random.Next(256)));
    }

    private static double Mix(int gray, int colour) => gray * 0.6 + colour * 0.4;
}
