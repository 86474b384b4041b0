using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// Multiplies an 8-bit BGR image by a per-pixel gain (CV_32FC1), optionally tinted per channel, with saturation.
/// Done per channel in float: OpenCV's mixed-type multiply (8-bit by float) is several times slower.
/// </summary>
public static class GainMap
{
    public static void Apply(Mat image, Mat gain, Scalar? tint = null)
    {
        var channels = image.Split();
        try
        {
            using var work = new Mat();
            for (var channel = 0; channel < channels.Length; channel++)
            {
                channels[channel].ConvertTo(work, MatType.CV_32FC1, tint?[channel] ?? 1.0);
                Cv2.Multiply(work, gain, work);
                work.ConvertTo(channels[channel], MatType.CV_8UC1);
            }

            Cv2.Merge(channels, image);
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }
}
