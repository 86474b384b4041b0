using OpenCvSharp;

namespace ProtocolOcr.Imaging.Page;

/// <summary>A straight edge seen in the photo: a point on it, its unit direction, and how many pixels of it were seen.</summary>
internal sealed record EdgeLine(Point2f Middle, Point2f Direction, double Length)
{
    public static EdgeLine Through(LineSegmentPoint segment)
    {
        double dx = segment.P2.X - segment.P1.X;
        double dy = segment.P2.Y - segment.P1.Y;
        double length = Math.Sqrt((dx * dx) + (dy * dy));
        return new EdgeLine(
            new Point2f((segment.P1.X + segment.P2.X) / 2f, (segment.P1.Y + segment.P2.Y) / 2f),
            new Point2f((float)(dx / length), (float)(dy / length)),
            length);
    }

    public EdgeLine Extended(double seenLength) => this with { Length = Length + seenLength };

    /// <summary>Angle between the two lines, 0-90 degrees.</summary>
    public double AngleTo(EdgeLine other)
    {
        double cosine = Math.Abs((Direction.X * other.Direction.X) + (Direction.Y * other.Direction.Y));
        return Math.Acos(Math.Min(1, cosine)) * 180 / Math.PI;
    }

    public double DistanceTo(Point2f point) =>
        Math.Abs(((point.X - Middle.X) * Direction.Y) - ((point.Y - Middle.Y) * Direction.X));

    public Point2f? Cross(EdgeLine other)
    {
        double determinant = (Direction.X * other.Direction.Y) - (Direction.Y * other.Direction.X);
        if (Math.Abs(determinant) < 1e-6)
        {
            return null;
        }

        double t = (((other.Middle.X - Middle.X) * other.Direction.Y) - ((other.Middle.Y - Middle.Y) * other.Direction.X)) / determinant;
        return new Point2f((float)(Middle.X + (t * Direction.X)), (float)(Middle.Y + (t * Direction.Y)));
    }
}
