using OpenCvSharp;

namespace ProtocolOcr.Imaging;

/// <summary>
/// Levels of an image read from its histogram instead of a sort of its pixels: the quality gate's percentiles of a
/// photo's greys and gradients, and a field crop's paper level (its median grey).
/// </summary>
public static class Histograms
{
    /// <summary>
    /// Pixel counts of a single-channel image in <paramref name="bins"/> equal bins over [0, <paramref name="upper"/>),
    /// of the pixels where <paramref name="mask"/> is non-zero when one is given.
    /// </summary>
    public static double[] Of(Mat image, int bins, float upper, Mat? mask = null)
    {
        using var counts = new Mat();
        Cv2.CalcHist([image], [0], mask is null ? null : InputArray.Create(mask), counts, 1, [bins], [new Rangef(0, upper)]);
        counts.GetArray(out float[] values);
        return Array.ConvertAll(values, value => (double)value);
    }

    /// <summary>The first bin by which more than <paramref name="fraction"/> of <paramref name="total"/> pixels are counted.</summary>
    public static double Percentile(double[] histogram, double total, double fraction)
    {
        double target = fraction * total;
        double seen = 0;
        for (int level = 0; level < histogram.Length; level++)
        {
            seen += histogram[level];
            if (seen > target)
            {
                return level;
            }
        }

        return histogram.Length - 1;
    }

    /// <summary>The median grey of an 8-bit single-channel image: the element at index n/2 of its sorted pixels.</summary>
    public static byte Median(Mat gray)
    {
        if (gray.Type() != MatType.CV_8UC1 || gray.Empty())
        {
            throw new ArgumentException("The median grey needs a non-empty 8-bit single-channel image.", nameof(gray));
        }

        return (byte)Percentile(Of(gray, 256, 256), gray.Total(), 0.5);
    }
}
