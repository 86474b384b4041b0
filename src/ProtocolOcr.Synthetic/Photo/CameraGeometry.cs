using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// Places the page in the frame like a pinhole camera would: the page plane is tilted (pitch, yaw), turned (roll and
/// quarter turns), projected from a distance typical of a phone held over a desk, then scaled and shifted to fill
/// the frame as the settings say. Frame orientation follows the page's projected shape.
/// </summary>
public static class CameraGeometry
{
    private const double CameraDistance = 1.6;

    /// <summary>A usable photo keeps the whole page in view with at least this share of the frame's short side around it.</summary>
    private const double MinimumMargin = 0.02;

    public static PagePlacement Place(Size referenceSize, CaptureSettings settings)
    {
        var projected = Project(referenceSize, settings);
        var bounds = Bounds(projected);
        var pixels = settings.Megapixels * 1_000_000;
        var longSide = Math.Sqrt(pixels * 4 / 3);
        var shortSide = pixels / longSide;
        var landscape = bounds.Width > bounds.Height;
        var frame = landscape
            ? new Size((int)longSide, (int)shortSide)
            : new Size((int)shortSide, (int)longSide);

        var margin = MinimumMargin * Math.Min(frame.Width, frame.Height);
        var scale = settings.Fill * Math.Min(frame.Width / bounds.Width, frame.Height / bounds.Height);
        double left, top;
        if (settings.CutOff > 0)
        {
            (left, top) = CutOffPosition(frame, bounds.Width * scale, bounds.Height * scale, settings);
        }
        else
        {
            scale = Math.Min(scale, Math.Min((frame.Width - 2 * margin) / bounds.Width, (frame.Height - 2 * margin) / bounds.Height));
            left = margin + (frame.Width - 2 * margin - bounds.Width * scale) / 2 * (1 + settings.OffsetX);
            top = margin + (frame.Height - 2 * margin - bounds.Height * scale) / 2 * (1 + settings.OffsetY);
        }

        var corners = projected
            .Select(point => new Point2f((float)(left + (point.X - bounds.X) * scale), (float)(top + (point.Y - bounds.Y) * scale)))
            .ToArray();
        return new PagePlacement(frame, corners);
    }

    /// <summary>Pushes the page out over one frame edge by the cut-off fraction of its extent.</summary>
    private static (double Left, double Top) CutOffPosition(Size frame, double width, double height, CaptureSettings settings)
    {
        var centredLeft = (frame.Width - width) / 2;
        var centredTop = (frame.Height - height) / 2;
        if (Math.Abs(settings.OffsetX) >= Math.Abs(settings.OffsetY))
        {
            var left = settings.OffsetX >= 0 ? frame.Width - width * (1 - settings.CutOff) : -width * settings.CutOff;
            return (left, centredTop);
        }

        var top = settings.OffsetY >= 0 ? frame.Height - height * (1 - settings.CutOff) : -height * settings.CutOff;
        return (centredLeft, top);
    }

    private static Point2d[] Project(Size referenceSize, CaptureSettings settings)
    {
        var aspect = referenceSize.Width / (double)referenceSize.Height;
        (double X, double Y)[] page = [(-aspect / 2, -0.5), (aspect / 2, -0.5), (aspect / 2, 0.5), (-aspect / 2, 0.5)];
        var pitch = Radians(settings.PitchDegrees);
        var yaw = Radians(settings.YawDegrees);
        var roll = Radians(settings.RollDegrees + 90 * settings.QuarterTurns);
        return page.Select(corner =>
        {
            // Yaw about the page's vertical axis, then pitch about its horizontal axis, then roll in the image plane.
            var x1 = corner.X * Math.Cos(yaw);
            var z1 = -corner.X * Math.Sin(yaw);
            var y2 = corner.Y * Math.Cos(pitch) - z1 * Math.Sin(pitch);
            var z2 = corner.Y * Math.Sin(pitch) + z1 * Math.Cos(pitch);
            var x3 = x1 * Math.Cos(roll) - y2 * Math.Sin(roll);
            var y3 = x1 * Math.Sin(roll) + y2 * Math.Cos(roll);
            var depth = CameraDistance + z2;
            return new Point2d(x3 / depth, y3 / depth);
        }).ToArray();
    }

    private static Rect2d Bounds(Point2d[] points)
    {
        var minX = points.Min(p => p.X);
        var minY = points.Min(p => p.Y);
        return new Rect2d(minX, minY, points.Max(p => p.X) - minX, points.Max(p => p.Y) - minY);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
