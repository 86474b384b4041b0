using OpenCvSharp;

namespace ProtocolOcr.Imaging.Decoding;

/// <summary>
/// The small grey copy of a photo that the quality gate and the page detector measure (their thresholds are calibrated
/// at this size). Made once per photo: generic area averaging from 3000 px costs ~20 ms a call, so the photo is first
/// averaged by a whole factor (OpenCV's fast path; the few rows and columns beyond a multiple of it are left out) and
/// only the last step, less than 2x, is bilinear.
/// </summary>
public static class PhotoPreview
{
    public const int LongSide = 1000;

    /// <summary>The grey preview of a BGR image and its scale (preview pixels per image pixel).</summary>
    public static (Mat Gray, double Scale) Of(Mat bgr)
    {
        int factor = Math.Max(1, Math.Max(bgr.Width, bgr.Height) / LongSide);
        var gray = new Mat();
        if (factor == 1)
        {
            Cv2.CvtColor(bgr, gray, ColorConversionCodes.BGR2GRAY);
        }
        else
        {
            using var whole = bgr[new Rect(0, 0, bgr.Width / factor * factor, bgr.Height / factor * factor)];
            using var averaged = new Mat();
            Cv2.Resize(whole, averaged, new Size(whole.Width / factor, whole.Height / factor), 0, 0, InterpolationFlags.Area);
            Cv2.CvtColor(averaged, gray, ColorConversionCodes.BGR2GRAY);
        }

        double rest = Math.Min(1.0, (double)LongSide / Math.Max(gray.Width, gray.Height));
        if (rest < 1)
        {
            Cv2.Resize(gray, gray, new Size(), rest, rest, InterpolationFlags.Linear);
        }

        return (gray, rest / factor);
    }
}
