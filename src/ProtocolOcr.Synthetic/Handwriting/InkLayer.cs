using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// Where one pen has written on a page: an ink coverage mask (CV_32FC1, 0..1) the page's size. Glyphs are
/// merged with max, so overlapping strokes do not darken twice; <see cref="ApplyTo"/> lays the ink on the paper
/// multiplicatively, as real ink absorbs light.
/// </summary>
public sealed class InkLayer : IDisposable
{
    public InkLayer(Size pageSize)
    {
        Coverage = new Mat(pageSize, MatType.CV_32FC1, Scalar.All(0));
    }

    public Mat Coverage { get; }

    /// <summary>Merges <paramref name="glyph"/> (CV_32FC1) with its top-left corner at (x, y), clipped to the page.</summary>
    public void Add(Mat glyph, int x, int y, double strength = 1)
    {
        var target = new Rect(x, y, glyph.Width, glyph.Height).Intersect(new Rect(0, 0, Coverage.Width, Coverage.Height));
        if (target.Width <= 0 || target.Height <= 0)
        {
            return;
        }

        using var source = new Mat(glyph, new Rect(target.X - x, target.Y - y, target.Width, target.Height));
        using var scaled = new Mat();
        source.ConvertTo(scaled, MatType.CV_32FC1, strength);
        using var region = new Mat(Coverage, target);
        Cv2.Max(region, scaled, region);
    }

    /// <summary>Darkens <paramref name="page"/> (CV_8UC3) where there is ink, towards <paramref name="pen"/>'s colour.</summary>
    public void ApplyTo(Mat page, PenStyle pen)
    {
        using var floatPage = new Mat();
        page.ConvertTo(floatPage, MatType.CV_32FC3);
        var channels = floatPage.Split();
        try
        {
            for (var channel = 0; channel < 3; channel++)
            {
                var absorption = pen.Opacity * (1 - pen.Colour[channel] / 255.0);
                using var keep = new Mat();
                Coverage.ConvertTo(keep, MatType.CV_32FC1, -absorption, 1);
                Cv2.Multiply(channels[channel], keep, channels[channel]);
            }

            Cv2.Merge(channels, floatPage);
            floatPage.ConvertTo(page, MatType.CV_8UC3);
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    public void Dispose() => Coverage.Dispose();
}
