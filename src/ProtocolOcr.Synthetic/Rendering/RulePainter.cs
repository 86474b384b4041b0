using ImageMagick;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Synthetic.Rendering;

/// <summary>
/// Paints printed rules as exact pixel rectangles (a stroked, centred line of odd width rasterises one pixel off in
/// places). A rule of thickness t along a box boundary covers the boundary pixel and is centred on it.
/// </summary>
internal static class RulePainter
{
    public static void Border(MagickImage image, BoxRect box, int thickness)
    {
        var before = thickness / 2;
        Fill(image, box.X - before, box.Y - before, box.Width + thickness - 1, thickness);
        Fill(image, box.X - before, box.Bottom - 1 - before, box.Width + thickness - 1, thickness);
        Fill(image, box.X - before, box.Y - before, thickness, box.Height + thickness - 1);
        Fill(image, box.Right - 1 - before, box.Y - before, thickness, box.Height + thickness - 1);
    }

    public static void Vertical(MagickImage image, int x, int top, int bottom, int thickness) =>
        Fill(image, x - thickness / 2, top, thickness, bottom - top);

    public static void Horizontal(MagickImage image, int y, int left, int right, int thickness) =>
        Fill(image, left, y - thickness / 2, right - left, thickness);

    private static void Fill(MagickImage image, int x, int y, int width, int height)
    {
        var left = Math.Max(x, 0);
        var top = Math.Max(y, 0);
        var right = Math.Min(x + width, (int)image.Width);
        var bottom = Math.Min(y + height, (int)image.Height);
        if (right <= left || bottom <= top)
        {
            return;
        }

        // Drawing text gives the image an alpha channel; a rule must stay opaque.
        var blackPixel = image.Channels.Select(c => c == PixelChannel.Alpha ? byte.MaxValue : (byte)0).ToArray();
        var area = new byte[(right - left) * (bottom - top) * blackPixel.Length];
        for (var i = 0; i < area.Length; i += blackPixel.Length)
        {
            blackPixel.CopyTo(area, i);
        }

        using var pixels = image.GetPixelsUnsafe();
        pixels.SetArea(left, top, (uint)(right - left), (uint)(bottom - top), area);
    }
}
