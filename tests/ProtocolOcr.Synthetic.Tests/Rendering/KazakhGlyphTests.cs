using ImageMagick;
using ImageMagick.Drawing;
using ProtocolOcr.Synthetic.Rendering;

namespace ProtocolOcr.Synthetic.Tests.Rendering;

public sealed class KazakhGlyphTests
{
    /// <summary>A font without a letter draws its "missing glyph" box instead; each Kazakh letter must draw differently.</summary>
    [Theory]
    [InlineData("ә")]
    [InlineData("ғ")]
    [InlineData("қ")]
    [InlineData("ң")]
    [InlineData("ө")]
    [InlineData("ұ")]
    [InlineData("ү")]
    [InlineData("һ")]
    [InlineData("і")]
    [InlineData("Ә")]
    [InlineData("Қ")]
    [InlineData("Ө")]
    public void Form_fonts_draw_every_kazakh_letter(string letter)
    {
        var fonts = FormFonts.DejaVuSerif.EnsureInstalled();
        foreach (var font in new[] { fonts.Regular, fonts.Bold, fonts.Italic })
        {
            var glyph = Draw(font, letter);
            Assert.True(glyph.Any(v => v < 128), $"{font}: '{letter}' drew nothing");
            Assert.NotEqual(Draw(font, "\uE000"), glyph);
        }
    }

    private static byte[] Draw(string font, string text)
    {
        using var image = new MagickImage(MagickColors.White, 60, 60);
        new Drawables().Font(font).FontPointSize(40).FillColor(MagickColors.Black).Text(10, 45, text).Draw(image);
        image.Grayscale();
        image.Alpha(AlphaAction.Off);
        using var pixels = image.GetPixels();
        return pixels.ToByteArray(PixelMapping.RGB)!;
    }
}
