using OpenCvSharp;

namespace ProtocolOcr.Imaging.Page;

/// <summary>
/// Page candidates from the longest straight edges: every quad closed by four of them. Finds a page whose outline
/// is not one closed contour, e.g. another paper overlapping a corner or a faint side, as long as the sides are straight.
/// The segments are found on the edge map at half size (any edge pixel in a 2x2 block marks it): the Hough transform
/// votes every edge pixel, mostly the page's print and handwriting, in every angle, and a quarter of the pixels cost
/// ~23 instead of ~65 ms (DEV phone 211). Half the angles too (pi/180) cost ~12 but found a wrong quad inside two
/// cut-off test pages.
/// </summary>
internal static class LineQuads
{
    private const double MinSegmentFraction = 0.08;
    private const double SameLineDegrees = 3;
    private const double SameLineDistanceFraction = 0.01;
    private const double MinCornerDegrees = 45;

    public static IEnumerable<PageQuad> From(Mat edges, int maxLines)
    {
        int longSide = Math.Max(edges.Width, edges.Height);
        var segments = HalfSizeSegments(edges, longSide);
        var lines = MergeIntoLines(segments, SameLineDistanceFraction * longSide)
            .OrderByDescending(line => line.Length).Take(maxLines).ToArray();
        var frame = new Rect(0, 0, edges.Width, edges.Height);
        for (int a = 0; a < lines.Length; a++)
        {
            for (int b = a + 1; b < lines.Length; b++)
            {
                for (int c = b + 1; c < lines.Length; c++)
                {
                    for (int d = c + 1; d < lines.Length; d++)
                    {
                        // Three ways to split four lines into two pairs of opposite sides.
                        foreach (var (first, second, third, fourth) in new[]
                                 {
                                     (lines[a], lines[b], lines[c], lines[d]),
                                     (lines[a], lines[c], lines[b], lines[d]),
                                     (lines[a], lines[d], lines[b], lines[c]),
                                 })
                        {
                            if (Closes(first, third, second, fourth, frame) is { } quad)
                            {
                                yield return quad;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Straight segments of at least <see cref="MinSegmentFraction"/> of the long side, in <paramref name="edges"/>' pixels.</summary>
    private static LineSegmentPoint[] HalfSizeSegments(Mat edges, int longSide)
    {
        using var half = new Mat();
        Cv2.Resize(edges, half, new Size(edges.Width / 2, edges.Height / 2), 0, 0, InterpolationFlags.Area);
        Cv2.Threshold(half, half, 0, 255, ThresholdTypes.Binary);
        double halfLongSide = longSide / 2.0;
        return Cv2.HoughLinesP(half, 1, Math.PI / 360, 30, MinSegmentFraction * halfLongSide, 0.01 * halfLongSide)
            .Select(segment => new LineSegmentPoint(segment.P1 * 2, segment.P2 * 2))
            .ToArray();
    }

    /// <summary>Sides in order: first, third, second, fourth (first and second opposite).</summary>
    private static PageQuad? Closes(EdgeLine first, EdgeLine third, EdgeLine second, EdgeLine fourth, Rect frame)
    {
        if (first.AngleTo(second) > 30 || third.AngleTo(fourth) > 30 || first.AngleTo(third) < MinCornerDegrees)
        {
            return null;
        }

        Point2f?[] corners = [first.Cross(third), third.Cross(second), second.Cross(fourth), fourth.Cross(first)];
        if (corners.Any(corner => corner is not { } point || !frame.Contains((int)point.X, (int)point.Y)))
        {
            return null;
        }

        var points = corners.Select(corner => corner!.Value).ToArray();
        return Cv2.IsContourConvex(points) ? PageQuad.FromCorners(points) : null;
    }

    private static List<EdgeLine> MergeIntoLines(LineSegmentPoint[] segments, double sameLineDistance)
    {
        var lines = new List<EdgeLine>();
        foreach (var segment in segments.OrderByDescending(s => s.Length()))
        {
            var line = EdgeLine.Through(segment);
            int same = lines.FindIndex(known => known.AngleTo(line) < SameLineDegrees && known.DistanceTo(line.Middle) < sameLineDistance);
            if (same >= 0)
            {
                lines[same] = lines[same].Extended(segment.Length());
            }
            else
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
