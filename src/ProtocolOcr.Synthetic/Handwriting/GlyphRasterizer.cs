using System.Collections.Concurrent;
using ImageMagick;
using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// Renders text with a TrueType font into an ink mask (CV_32FC1, 0..1, tightly cropped) through Magick.NET.
/// Single characters are rendered once at a large size and cached; callers resize the copy they get.
/// </summary>
public sealed class GlyphRasterizer : IDisposable
{
    private const double CachedPointSize = 120;
    private readonly ConcurrentDictionary<(string Font, char Character), Mat> cache = new();

    /// <summary>A copy of the cached mask of one character (callers own and dispose it).</summary>
    public Mat Character(string fontPath, char character) =>
        cache.GetOrAdd((fontPath, character), key => Render(key.Font, key.Character.ToString(), CachedPointSize)).Clone();

    /// <summary>A mask of a whole string at <paramref name="pointSize"/> (not cached).</summary>
    public Mat Text(string fontPath, string text, double pointSize) => Render(fontPath, text, pointSize);

    public void Dispose()
    {
        foreach (var mask in cache.Values)
        {
            mask.Dispose();
        }

        cache.Clear();
    }

    private static Mat Render(string fontPath, string text, double pointSize)
    {
        var settings = new MagickReadSettings
        {
            Font = fontPath,
            FontPointsize = pointSize,
            BackgroundColor = MagickColors.Black,
            FillColor = MagickColors.White,
        };
        using var image = new MagickImage("label:" + text, settings);
        image.ColorSpace = ColorSpace.Gray;
        var width = (int)image.Width;
        var height = (int)image.Height;
        var gray = image.ToByteArray(MagickFormat.Gray);
        using var bytes = Mat.FromPixelData(height, width, MatType.CV_8UC1, gray);
        var bounds = Cv2.BoundingRect(bytes);
        if (bounds.Width == 0 || bounds.Height == 0)
        {
            throw new InvalidOperationException($"Font '{fontPath}' draws nothing for '{text}'.");
        }

        var mask = new Mat();
        using (var cropped = new Mat(bytes, bounds))
        {
            cropped.ConvertTo(mask, MatType.CV_32FC1, 1 / 255.0);
        }

        return mask;
    }
}
