using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// Light on the scene: overall exposure, a gradient and vignette from an off-centre lamp, a soft shadow (a hand or
/// the phone) and a glare spot where a lamp reflects off the paper. Computed as a gain and an additive white map at low
/// resolution: out = in * gain * (1 - glare) + 255 * glare.
/// </summary>
public static class Lighting
{
    public static void Apply(Mat frame, CaptureSettings settings, Point2f[] pageCorners, Random random)
    {
        var small = new Size(Math.Max(8, frame.Width / 8), Math.Max(8, frame.Height / 8));
        using var gain = new Mat(small, MatType.CV_32FC1, Scalar.All(settings.Exposure));
        using var glare = new Mat(small, MatType.CV_32FC1, Scalar.All(0));
        AddFalloff(gain, settings.LightFalloff, random);
        if (settings.ShadowDarkness > 0)
        {
            AddShadow(gain, settings.ShadowDarkness, random);
        }

        if (settings.GlareStrength > 0)
        {
            AddGlare(glare, settings.GlareStrength, pageCorners, frame.Width / (double)small.Width, random);
        }

        using var keep = new Mat();
        Cv2.Subtract(Scalar.All(1), glare, keep);
        Cv2.Multiply(gain, keep, gain);
        using var fullGain = new Mat();
        using var fullWhite = new Mat();
        Cv2.Resize(gain, fullGain, frame.Size(), 0, 0, InterpolationFlags.Linear);
        using (var white = new Mat())
        {
            glare.ConvertTo(white, MatType.CV_8UC1, 255);
            Cv2.Resize(white, fullWhite, frame.Size(), 0, 0, InterpolationFlags.Linear);
        }

        GainMap.Apply(frame, fullGain);
        using var white3 = new Mat();
        Cv2.Merge([fullWhite, fullWhite, fullWhite], white3);
        Cv2.Add(frame, white3, frame);
    }

    private static void AddFalloff(Mat gain, double falloff, Random random)
    {
        var angle = random.NextDouble() * Math.PI * 2;
        var (dx, dy) = (Math.Cos(angle), Math.Sin(angle));
        var width = gain.Width;
        var height = gain.Height;
        var values = gain.AsSpan<float>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var u = (x / (double)width - 0.5) * 2;
                var v = (y / (double)height - 0.5) * 2;
                var along = (u * dx + v * dy + 1.4) / 2.8;
                var vignette = (u * u + v * v) / 2;
                values[y * width + x] *= (float)(1 - falloff * along - falloff * 0.5 * vignette);
            }
        }
    }

    private static void AddShadow(Mat gain, double darkness, Random random)
    {
        using var shadow = new Mat(gain.Size(), MatType.CV_32FC1, Scalar.All(1));
        var width = gain.Width;
        var height = gain.Height;
        var corner = new Point(random.Next(2) * width, random.Next(2) * height);
        var reach = new Point((int)(width * (0.3 + random.NextDouble() * 0.5)), (int)(height * (0.3 + random.NextDouble() * 0.5)));
        Point[] polygon =
        [
            corner,
            new(Math.Abs(corner.X - reach.X), corner.Y),
            new(Math.Abs(corner.X - (int)(reach.X * random.NextDouble())), Math.Abs(corner.Y - reach.Y)),
            new(corner.X, Math.Abs(corner.Y - reach.Y)),
        ];
        Cv2.FillConvexPoly(shadow, polygon, Scalar.All(1 - darkness), LineTypes.AntiAlias);
        Cv2.GaussianBlur(shadow, shadow, new Size(0, 0), Math.Max(1, Math.Min(width, height) * (0.02 + random.NextDouble() * 0.06)));
        Cv2.Multiply(gain, shadow, gain);
    }

    private static void AddGlare(Mat glare, double strength, Point2f[] pageCorners, double frameScale, Random random)
    {
        var a = random.NextDouble();
        var b = random.NextDouble();
        var top = pageCorners[0] + (pageCorners[1] - pageCorners[0]) * a;
        var bottom = pageCorners[3] + (pageCorners[2] - pageCorners[3]) * a;
        var centre = top + (bottom - top) * b;
        var radius = Math.Min(glare.Width, glare.Height) * (0.05 + random.NextDouble() * 0.12);
        var width = glare.Width;
        var height = glare.Height;
        var values = glare.AsSpan<float>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var dx = x - centre.X / frameScale;
                var dy = y - centre.Y / frameScale;
                values[y * width + x] = (float)(strength * Math.Exp(-(dx * dx + dy * dy) / (2 * radius * radius)));
            }
        }
    }
}
