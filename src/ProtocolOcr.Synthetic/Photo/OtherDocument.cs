using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Synthetic.Handwriting;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>Something an observer might photograph by mistake: a handwritten note on a plain sheet, not a protocol.</summary>
public static class OtherDocument
{
    public static Mat Render(Random random)
    {
        var size = random.NextDouble() < 0.5 ? new Size(1240, 1748) : new Size(1654, 2339);
        var sheet = new Mat(size, MatType.CV_8UC3, Scalar.All(235 + random.Next(20)));
        PaperTexture.Apply(sheet, random);
        using var ink = new InkLayer(size);
        var lines = 6 + random.Next(14);
        var lineHeight = size.Height * 0.8 / lines;
        for (var line = 0; line < lines; line++)
        {
            var box = new BoxRect((int)(size.Width * 0.08), (int)(size.Height * 0.1 + line * lineHeight), (int)(size.Width * 0.84), (int)(lineHeight * 0.7));
            SignatureScribble.Draw(ink, box, random);
        }

        ink.ApplyTo(sheet, PenStyle.Ballpoint(random));
        return sheet;
    }
}
