using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// A fold line across the page (folded in half or in three for carrying): a thin crease and a soft brightness step,
/// as light falls differently on both halves. Shading only: the page stays flat, so the truth homography holds.
/// </summary>
public static class PaperFold
{
    public static void Apply(Mat page, Random random)
    {
        var horizontal = random.NextDouble() < 0.75;
        var fraction = random.NextDouble() < 0.5 ? 0.5 : (random.NextDouble() < 0.5 ? 1 / 3.0 : 2 / 3.0);
        var length = horizontal ? page.Height : page.Width;
        var position = (int)(length * (fraction + (random.NextDouble() - 0.5) * 0.04));
        var tiltPixels = (int)((random.NextDouble() - 0.5) * length * 0.02);
        var darkSide = 0.9 + random.NextDouble() * 0.07;

        using var gain = new Mat(page.Size(), MatType.CV_32FC1, Scalar.All(1));
        var (a, b) = horizontal
            ? (new Point(0, position), new Point(page.Width, position + tiltPixels))
            : (new Point(position, 0), new Point(position + tiltPixels, page.Height));
        Point[] shadedSide = horizontal
            ? [a, b, new Point(page.Width, page.Height), new Point(0, page.Height)]
            : [a, b, new Point(page.Width, page.Height), new Point(page.Width, 0)];
        Cv2.FillPoly(gain, [shadedSide], Scalar.All(darkSide));
        Cv2.Line(gain, a, b, Scalar.All(0.8 + random.NextDouble() * 0.1), 2, LineTypes.AntiAlias);
        Cv2.GaussianBlur(gain, gain, new Size(0, 0), 3 + random.NextDouble() * 6);
        GainMap.Apply(page, gain);
    }
}
