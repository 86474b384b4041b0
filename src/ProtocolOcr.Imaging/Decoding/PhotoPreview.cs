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

    /// <summary>The grey preview of a grey (or BGR) image and its scale (preview pixels per image pixel).</summary>
    public static (Mat Gray, double Scale) Of(Mat image)
    {
        int factor = Math.Max(1, Math.Max(image.Width, image.Height) / LongSide);
        var gray = new Mat();
        if (factor == 1)
        {
            ToGray(image, gray);
        }
        else
        {
            using var whole = image[new Rect(0, 0, image.Width / factor * factor, image.Height / factor * factor)];
            using var averaged = new Mat();
            Cv2.Resize(whole, averaged, new Size(whole.Width / factor, whole.Height / factor), 0, 0, InterpolationFlags.Area);
            ToGray(averaged, gray);
        }

        double rest = Math.Min(1.0, (double)LongSide / Math.Max(gray.Width, gray.Height));
        if (rest < 1)
        {
            Cv2.Resize(gray, gray, new Size(), rest, rest, InterpolationFlags.Linear);
        }

        return (gray, rest / factor);
    }

    /// <summary>Grey as it is, or converted from BGR (images built in code and tests may still be colour).</summary>
    internal static void ToGray(Mat image, Mat gray)
    {
        if (image.Channels() == 1)
        {
            image.CopyTo(gray);
        }
        else
        {
            Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
        }
    }
}
