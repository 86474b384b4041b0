using OpenCvSharp;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// A thumb holding the page flat: a skin-coloured rounded shape coming in from outside the page over one edge,
/// reaching into the margin but never over a field box.
/// </summary>
public static class FingerOverMargin
{
    public static void Draw(Mat frame, Mat homography, PageSize referenceSize, IReadOnlyList<BoxRect> keepClear, Random random)
    {
        var edge = random.Next(4);
        var along = 0.15 + random.NextDouble() * 0.7;
        var margin = Math.Min(MarginDepth(edge, referenceSize, keepClear), Math.Min(referenceSize.Width, referenceSize.Height) * 0.05);
        var depth = margin * (0.4 + random.NextDouble() * 0.5);
        var (onEdge, inward) = EdgePoints(edge, along, depth, referenceSize);
        var mapped = Cv2.PerspectiveTransform([onEdge, inward], homography);
        var tip = mapped[1];
        var outward = mapped[0] - mapped[1];
        var outwardLength = Math.Max(1, Math.Sqrt(outward.X * outward.X + outward.Y * outward.Y));
        var unit = new Point2f((float)(outward.X / outwardLength), (float)(outward.Y / outwardLength));
        var pageScale = Math.Sqrt(Math.Abs(Cv2.ContourArea(Cv2.PerspectiveTransform(
            PagePlacement.ReferenceCorners(new Size(referenceSize.Width, referenceSize.Height)), homography))) / ((double)referenceSize.Width * referenceSize.Height));
        var width = referenceSize.Width * (0.1 + random.NextDouble() * 0.06) * pageScale;
        // The hand is outside the picture: the thumb runs from its tip out past the frame's edge (round-capped thick lines).
        var far = tip + unit * (float)(2.0 * (frame.Width + frame.Height));
        var skin = new Scalar(100 + random.Next(40), 135 + random.Next(40), 190 + random.Next(45));
        var shade = new Scalar(skin.Val0 * 0.75, skin.Val1 * 0.75, skin.Val2 * 0.8);
        var capped = tip + unit * (float)(width / 2);
        Cv2.Line(frame, (Point)capped, (Point)far, shade, (int)width, LineTypes.AntiAlias);
        Cv2.Line(frame, (Point)(capped + unit * (float)(width * 0.1)), (Point)far, skin, (int)(width * 0.75), LineTypes.AntiAlias);
        var nailColour = new Scalar(Math.Min(255, skin.Val0 * 1.2), Math.Min(255, skin.Val1 * 1.15), Math.Min(255, skin.Val2 * 1.1));
        Cv2.Circle(frame, (Point)(tip + unit * (float)(width * 0.45)), (int)(width * 0.25), nailColour, -1, LineTypes.AntiAlias);
    }

    /// <summary>Distance from the page edge to the nearest field box, in reference pixels.</summary>
    private static double MarginDepth(int edge, PageSize size, IReadOnlyList<BoxRect> keepClear)
    {
        if (keepClear.Count == 0)
        {
            return Math.Min(size.Width, size.Height) * 0.05;
        }

        return edge switch
        {
            0 => keepClear.Min(box => box.Y),
            1 => size.Width - keepClear.Max(box => box.Right),
            2 => size.Height - keepClear.Max(box => box.Bottom),
            _ => keepClear.Min(box => box.X),
        };
    }

    private static (Point2f OnEdge, Point2f Inward) EdgePoints(int edge, double along, double depth, PageSize size) => edge switch
    {
        0 => (new Point2f((float)(along * size.Width), 0), new Point2f((float)(along * size.Width), (float)depth)),
        1 => (new Point2f(size.Width, (float)(along * size.Height)), new Point2f((float)(size.Width - depth), (float)(along * size.Height))),
        2 => (new Point2f((float)(along * size.Width), size.Height), new Point2f((float)(along * size.Width), (float)(size.Height - depth))),
        _ => (new Point2f(0, (float)(along * size.Height)), new Point2f((float)depth, (float)(along * size.Height))),
    };
}
