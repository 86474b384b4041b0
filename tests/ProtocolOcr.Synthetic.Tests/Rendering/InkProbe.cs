using ImageMagick;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Synthetic.Tests.Rendering;

/// <summary>Reads darkness of an 8-bit grayscale page: fractions of dark pixels along lines and in areas.</summary>
internal sealed class InkProbe : IDisposable
{
    private const byte DarkBelow = 100;
    private const byte LightAbove = 200;

    private readonly IPixelCollection<byte> _pixels;
    private readonly uint _channels;

    public InkProbe(MagickImage image)
    {
        _pixels = image.GetPixels();
        _channels = image.ChannelCount;
    }

    public byte Value(int x, int y) => _pixels.GetPixel(x, y).GetChannel(0);

    public double DarkFractionOnRow(int y, int left, int right) =>
        Enumerable.Range(left, right - left).Count(x => Value(x, y) < DarkBelow) / (double)(right - left);

    public double DarkFractionOnColumn(int x, int top, int bottom) =>
        Enumerable.Range(top, bottom - top).Count(y => Value(x, y) < DarkBelow) / (double)(bottom - top);

    public double LightFraction(BoxRect area)
    {
        var values = _pixels.GetArea(area.X, area.Y, (uint)area.Width, (uint)area.Height)!;
        var light = 0;
        for (var i = 0; i < values.Length; i += (int)_channels)
        {
            light += values[i] > LightAbove ? 1 : 0;
        }

        return light / (double)(area.Width * area.Height);
    }

    public void Dispose() => _pixels.Dispose();
}
