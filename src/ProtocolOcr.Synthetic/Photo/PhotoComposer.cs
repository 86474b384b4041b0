using OpenCvSharp;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// Photographs a page: places it in a frame (<see cref="CameraGeometry"/>), over a background, adds fingers, light,
/// blur and sensor noise, in the order a camera meets them. The page is pre-shrunk when the photo is smaller than the
/// reference so fine strokes are averaged, not aliased.
/// </summary>
public static class PhotoComposer
{
    public static ComposedPhoto Photograph(Mat page, IReadOnlyList<BoxRect> keepClear, CaptureSettings settings, Random random)
    {
        var referenceSize = page.Size();
        var placement = CameraGeometry.Place(referenceSize, settings);
        var frame = BackgroundClutter.Render(placement.Frame, settings.Clutter, random);
        using var homography = placement.Homography(referenceSize);
        var pageScale = placement.Scale(referenceSize);
        WarpOnto(frame, page, homography, pageScale);
        for (var i = 0; i < settings.Fingers; i++)
        {
            FingerOverMargin.Draw(frame, homography, new PageSize(referenceSize.Width, referenceSize.Height), keepClear, random);
        }

        Lighting.Apply(frame, settings, placement.Corners, random);
        LensBlur.Defocus(frame, settings.DefocusSigma * pageScale);
        LensBlur.Motion(frame, settings.MotionLength * pageScale, settings.MotionAngleDegrees);
        SensorNoise.Apply(frame, settings.NoiseSigma, random);
        return new ComposedPhoto(frame, placement);
    }

    private static void WarpOnto(Mat frame, Mat page, Mat homography, double pageScale)
    {
        if (pageScale >= 0.8)
        {
            Cv2.WarpPerspective(page, frame, homography, frame.Size(), InterpolationFlags.Linear, BorderTypes.Transparent);
            return;
        }

        using var shrunk = new Mat();
        Cv2.Resize(page, shrunk, new Size(0, 0), pageScale, pageScale, InterpolationFlags.Area);
        var shrink = Mat.Eye(3, 3, MatType.CV_64FC1).ToMat();
        using (shrink)
        {
            var sx = page.Width / (double)shrunk.Width;
            var sy = page.Height / (double)shrunk.Height;
            shrink.Set(0, 0, sx);
            shrink.Set(1, 1, sy);
            using var fromShrunk = (homography * shrink).ToMat();
            Cv2.WarpPerspective(shrunk, frame, fromShrunk, frame.Size(), InterpolationFlags.Linear, BorderTypes.Transparent);
        }
    }
}
