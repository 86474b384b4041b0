using OpenCvSharp;
using ProtocolOcr.Synthetic.Handwriting;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// The commission's round stamp: two rings with the commission's name around them and its number in the middle,
/// pressed unevenly in violet-blue ink. The ring text is drawn straight in polar space and bent with an inverse warpPolar.
/// </summary>
public sealed class RubberStamp(GlyphRasterizer rasterizer, FontCatalog fonts)
{
    private const string RingText = "УЧАСТКОВАЯ ИЗБИРАТЕЛЬНАЯ КОМИССИЯ * УЧАСКЕЛІК САЙЛАУ КОМИССИЯСЫ *";

    public void Apply(Mat page, Point centre, Random random)
    {
        var diameter = 240 + random.Next(80);
        using var mask = Draw(diameter, random);
        using var layer = new InkLayer(page.Size());
        layer.Add(mask, centre.X - diameter / 2, centre.Y - diameter / 2);
        var colour = new Scalar(150 + random.Next(60), 50 + random.Next(40), 60 + random.Next(60));
        layer.ApplyTo(page, new PenStyle("stamp_ink", colour, 0.55 + random.NextDouble() * 0.35));
    }

    private Mat Draw(int diameter, Random random)
    {
        var radius = diameter / 2;
        var angleRows = (int)(Math.PI * diameter);
        using var polar = new Mat(angleRows, radius, MatType.CV_32FC1, Scalar.All(0));
        var ringInner = (int)(radius * 0.68);
        var ringOuter = (int)(radius * 0.92);
        Cv2.Line(polar, new Point(radius - 3, 0), new Point(radius - 3, angleRows), Scalar.All(1), 4);
        Cv2.Line(polar, new Point(ringInner - 3, 0), new Point(ringInner - 3, angleRows), Scalar.All(1), 2);
        using (var text = rasterizer.Text(fonts.Printed[0], RingText, 40))
        using (var along = new Mat())
        using (var upright = new Mat())
        {
            Cv2.Resize(text, along, new Size((int)(angleRows * 0.97), ringOuter - ringInner));
            Cv2.Rotate(along, upright, RotateFlags.Rotate90Clockwise);
            var offset = random.Next(angleRows - upright.Height);
            using var target = new Mat(polar, new Rect(ringInner, offset, upright.Width, upright.Height));
            upright.CopyTo(target);
        }

        var mask = new Mat();
        Cv2.WarpPolar(polar, mask, new Size(diameter, diameter), new Point2f(radius, radius), radius,
            InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap | InterpolationFlags.WarpFillOutliers, WarpPolarMode.Linear);
        using (var number = rasterizer.Text(fonts.Printed[0], "№ " + random.Next(1, 1200), 40))
        using (var sized = new Mat())
        {
            var scale = radius * 0.9 / number.Width;
            Cv2.Resize(number, sized, new Size((int)(number.Width * scale), Math.Max(1, (int)(number.Height * scale))));
            using var target = new Mat(mask, new Rect(radius - sized.Width / 2, radius - sized.Height / 2, sized.Width, sized.Height));
            Cv2.Max(target, sized, target);
        }

        using (var disc = new Mat(mask.Size(), MatType.CV_32FC1, Scalar.All(0)))
        {
            // A clean edge: nothing of the ring's anti-aliasing may spill past the stamp's rim.
            Cv2.Circle(disc, new Point(radius, radius), radius, Scalar.All(1), -1, LineTypes.AntiAlias);
            Cv2.Multiply(mask, disc, mask);
        }

        // Uneven pressure: parts of the stamp print faintly.
        using var pressure = SmoothNoise.Create(mask.Size(), 4, random);
        pressure.ConvertTo(pressure, MatType.CV_32FC1, 0.8, 0.35);
        Cv2.Multiply(mask, pressure, mask);
        Cv2.Threshold(mask, mask, 1, 1, ThresholdTypes.Trunc);
        return mask;
    }
}
