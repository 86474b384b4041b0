using OpenCvSharp;
using ProtocolOcr.Recognition.Handwriting;

namespace ProtocolOcr.Cli.Training;

/// <summary>
/// One ink mask (CV_32FC1, white on black) as the worker sees it in a phone photo: written in grey ballpoint into a
/// printed box on uneven paper, captured small, blurred (defocus or motion), noisy, JPEG-compressed, enlarged to the
/// field crop's size, then cleaned by the reader's own <see cref="HandwrittenDigitReader.PrepareHandwriting"/> and cut
/// by <see cref="DigitSegmenter"/>. Returns the digit image the reader would normalize (dark on white), or null when
/// the reader would not see exactly one digit in it. Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class PhotoDegrader
{
    /// <summary>The size of a field crop as the cropper cuts it from a registered photo, with the box 8 px inside.</summary>
    private static readonly Size CropSize = new(346, 82);
    private const int BoxInset = 8;
    /// <summary>Clear of the reader's border band (the cropper's margin and as much again inside the box).</summary>
    private const int SideClearance = 24;

    public static Mat? Photograph(Mat ink, Random random)
    {
        using var tight = TightInk(ink);
        if (tight is null)
        {
            return null;
        }

        // Digit height in the crop, and how many camera pixels it really had before the crop was enlarged.
        var digitHeight = 24 + random.NextDouble() * 28;
        var captureScale = Math.Min(1, (16 + random.NextDouble() * 29) / digitHeight);
        using var captured = Capture(tight, digitHeight, captureScale, random);
        using var crop = new Mat();
        Cv2.Resize(captured, crop, CropSize, 0, 0, InterpolationFlags.Cubic);
        return AsReaderSees(crop);
    }

    private static Mat? TightInk(Mat ink)
    {
        using var mask = new Mat();
        Cv2.Threshold(ink, mask, 0.05, 255, ThresholdTypes.Binary);
        mask.ConvertTo(mask, MatType.CV_8UC1);
        var bounds = Cv2.BoundingRect(mask);
        return bounds.Width == 0 || bounds.Height == 0 ? null : new Mat(ink, bounds).Clone();
    }

    /// <summary>The crop at the camera's resolution, grey, 8-bit, after blur, noise and JPEG.</summary>
    private static Mat Capture(Mat ink, double digitHeight, double scale, Random random)
    {
        var size = new Size((int)Math.Round(CropSize.Width * scale), (int)Math.Round(CropSize.Height * scale));
        var paper = 140 + random.NextDouble() * 95;
        var inkGrey = Math.Max(15, paper - (50 + random.NextDouble() * 120));
        using var canvas = Paper(size, paper, random);
        var inset = (int)Math.Round(BoxInset * scale);
        Cv2.Rectangle(canvas, new Rect(inset, inset, size.Width - 2 * inset, size.Height - 2 * inset),
            Scalar.All(Math.Max(0, paper - 90 - random.NextDouble() * 80)), Math.Max(1, (int)Math.Round((1 + random.NextDouble()) * scale)));
        DrawInk(canvas, ink, digitHeight * scale, inkGrey, random);
        Blur(canvas, scale, random);
        using var noise = new Mat(size, MatType.CV_32FC1);
        Cv2.Randn(noise, Scalar.All(0), Scalar.All(1 + random.NextDouble() * 7));
        Cv2.Add(canvas, noise, canvas);
        using var grey = new Mat();
        canvas.ConvertTo(grey, MatType.CV_8UC1);
        Cv2.ImEncode(".jpg", grey, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, random.Next(40, 91)));
        return Cv2.ImDecode(jpeg, ImreadModes.Grayscale);
    }

    /// <summary>Paper of one grey with a light fall-off across it in a random direction, as under a phone's light.</summary>
    private static Mat Paper(Size size, double paper, Random random)
    {
        var angle = random.NextDouble() * 2 * Math.PI;
        var falloff = random.NextDouble() * 0.25;
        var values = new float[size.Width * size.Height];
        double dx = Math.Cos(angle) / Math.Max(1, size.Width), dy = Math.Sin(angle) / Math.Max(1, size.Height);
        for (var y = 0; y < size.Height; y++)
        {
            for (var x = 0; x < size.Width; x++)
            {
                var along = 0.5 + (x - size.Width / 2.0) * dx + (y - size.Height / 2.0) * dy;
                values[y * size.Width + x] = (float)(paper * (1 - falloff * Math.Clamp(along, 0, 1)));
            }
        }

        var canvas = new Mat(size, MatType.CV_32FC1);
        canvas.SetArray(values);
        return canvas;
    }

    /// <summary>Ink blended over the paper inside the box, clear of its left and right borders.</summary>
    private static void DrawInk(Mat canvas, Mat ink, double height, double inkGrey, Random random)
    {
        var width = Math.Max(1, (int)Math.Round(ink.Width * height / ink.Height));
        var rows = Math.Max(1, (int)Math.Round(height));
        using var small = new Mat();
        Cv2.Resize(ink, small, new Size(width, rows), 0, 0, InterpolationFlags.Area);
        var clearance = (int)Math.Round(SideClearance * canvas.Width / (double)CropSize.Width);
        var room = canvas.Width - 2 * clearance - width;
        var left = clearance + (room > 0 ? random.Next(room) : room / 2);
        var top = (canvas.Height - rows) / 2 + random.Next(-rows / 8, rows / 8 + 1);
        var area = new Rect(left, top, width, rows).Intersect(new Rect(0, 0, canvas.Width, canvas.Height));
        if (area.Width == 0 || area.Height == 0)
        {
            return;
        }

        using var alpha = new Mat(small, new Rect(area.X - left, area.Y - top, area.Width, area.Height));
        using var region = new Mat(canvas, area);
        using var darkening = new Mat();
        // paper - alpha * (paper - ink): each pixel takes as much of the pen's grey as the stroke covers it.
        Cv2.Subtract(region, Scalar.All(inkGrey), darkening);
        Cv2.Multiply(darkening, alpha, darkening);
        Cv2.Subtract(region, darkening, region);
    }

    /// <summary>Defocus (Gaussian) on every photo; on a third, motion blur along a random direction as well.</summary>
    private static void Blur(Mat canvas, double scale, Random random)
    {
        var sigma = 0.3 + random.NextDouble() * 0.7;
        Cv2.GaussianBlur(canvas, canvas, new Size(0, 0), sigma);
        if (random.NextDouble() < 1.0 / 3)
        {
            var length = 2 + random.NextDouble() * 3 * Math.Max(0.5, scale);
            var side = (int)Math.Ceiling(length) | 1;
            var angle = random.NextDouble() * Math.PI;
            using var kernel = new Mat(side, side, MatType.CV_32FC1, Scalar.All(0));
            var half = length / 2;
            var centre = new Point2d(side / 2.0, side / 2.0);
            Cv2.Line(kernel,
                new Point((int)Math.Round(centre.X - half * Math.Cos(angle)), (int)Math.Round(centre.Y - half * Math.Sin(angle))),
                new Point((int)Math.Round(centre.X + half * Math.Cos(angle)), (int)Math.Round(centre.Y + half * Math.Sin(angle))),
                Scalar.All(1));
            var total = Cv2.Sum(kernel).Val0;
            if (total > 0)
            {
                kernel.ConvertTo(kernel, MatType.CV_32FC1, 1 / total);
                Cv2.Filter2D(canvas, canvas, -1, kernel);
            }
        }
    }

    private static Mat? AsReaderSees(Mat crop)
    {
        using var prepared = HandwrittenDigitReader.PrepareHandwriting(crop);
        if (prepared.IsEmpty)
        {
            return null;
        }

        var groups = DigitSegmenter.Split(prepared.Image);
        try
        {
            return groups.Count == 1 ? groups[0].Options[0][0].Clone() : null;
        }
        finally
        {
            foreach (var group in groups)
            {
                group.Dispose();
            }
        }
    }
}
