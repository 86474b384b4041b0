using OpenCvSharp;

namespace ProtocolOcr.Imaging.Page;

/// <summary>The page's four corners in photo pixels, clockwise from the page's top-left.</summary>
public sealed record PageQuad(Point2f TopLeft, Point2f TopRight, Point2f BottomRight, Point2f BottomLeft)
{
    public Point2f[] Corners => [TopLeft, TopRight, BottomRight, BottomLeft];

    public double Area => Math.Abs(Cv2.ContourArea(Corners));

    /// <summary>Orders four corners clockwise starting top-left (image y grows downwards).</summary>
    public static PageQuad FromCorners(IReadOnlyList<Point2f> corners)
    {
        if (corners.Count != 4)
        {
            throw new ArgumentException("A page quad needs exactly four corners.", nameof(corners));
        }

        var topLeft = corners.MinBy(p => p.X + p.Y);
        var bottomRight = corners.MaxBy(p => p.X + p.Y);
        var topRight = corners.MinBy(p => p.Y - p.X);
        var bottomLeft = corners.MaxBy(p => p.Y - p.X);
        return new PageQuad(topLeft, topRight, bottomRight, bottomLeft);
    }

    /// <summary>
    /// The same quad with its corners renamed so the page reads as portrait: a page lying sideways in the photo
    /// starts at its bottom-left. Which of the two sideways turns it was (90 or 270 degrees) needs the page's
    /// content to decide; that is left to registration.
    /// </summary>
    public PageQuad AsPortrait()
    {
        double horizontal = Distance(TopLeft, TopRight) + Distance(BottomLeft, BottomRight);
        double vertical = Distance(TopLeft, BottomLeft) + Distance(TopRight, BottomRight);
        return horizontal <= vertical ? this : new PageQuad(BottomLeft, TopLeft, TopRight, BottomRight);
    }

    public PageQuad Scale(double factor) => new(
        Scaled(TopLeft, factor), Scaled(TopRight, factor), Scaled(BottomRight, factor), Scaled(BottomLeft, factor));

    public static double Distance(Point2f a, Point2f b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static Point2f Scaled(Point2f point, double factor) => new((float)(point.X * factor), (float)(point.Y * factor));
}
