using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Decoding;

namespace ProtocolOcr.Imaging.Quality;

/// <summary>
/// Stage 1b: rejects photos too dark, blown out or too blurred to read, with a sentence the photographer can act on.
/// Runs before page detection because such photos also defeat it (measured on the generator's bad class: every too-dark
/// and 9 of 10 too-blurry photos were otherwise rejected as page_not_found or page_cut_off). Thresholds are calibrated
/// on generated photos (DEV seeds 100-102, docs/quality-gate.md), not guessed.
/// </summary>
public sealed class PhotoQualityGate
{
    public const int MeasureLongSide = 1000;

    /// <summary>Too dark below this: dark photos measured 15-29, the darkest good photo 105.</summary>
    public const double MinBrightLevel = 55;

    /// <summary>Blown out above this share of saturated pixels; no good photo came near (see docs/quality-gate.md).</summary>
    public const double MaxSaturatedFraction = 0.5;

    /// <summary>Too blurry below this: defocused photos measured 0.47-1.07, good ones 0.87 and up (only 1 of 80 under 1.0).</summary>
    public const double MinSharpness = 0.95;

    /// <summary>
    /// A blurred photo is mostly flat (typical gradient a small share of the steepest); a photo of noise is not, and is no
    /// photo of a page at all, so it is left to page detection. Blurred photos measured 0.02-0.15, uniform noise 0.32.
    /// </summary>
    public const double MaxBlurredBusyness = 0.25;

    public PhotoQualityMeasures Measure(DecodedPhoto photo)
    {
        double scale = Math.Min(1.0, (double)MeasureLongSide / Math.Max(photo.Width, photo.Height));
        using var small = new Mat();
        Cv2.Resize(photo.Image, small, new Size(), scale, scale, InterpolationFlags.Area);
        using var gray = new Mat();
        Cv2.CvtColor(small, gray, ColorConversionCodes.BGR2GRAY);
        var histogram = GrayHistogram(gray);
        double total = gray.Total();

        using var smoothed = new Mat();
        Cv2.GaussianBlur(gray, smoothed, new Size(0, 0), 1.0);
        using var gradientX = new Mat();
        using var gradientY = new Mat();
        using var magnitude = new Mat();
        Cv2.Sobel(smoothed, gradientX, MatType.CV_32F, 1, 0);
        Cv2.Sobel(smoothed, gradientY, MatType.CV_32F, 0, 1);
        Cv2.Magnitude(gradientX, gradientY, magnitude);
        magnitude.GetArray(out float[] magnitudes);
        Array.Sort(magnitudes);
        double steepest = magnitudes[(int)((magnitudes.Length - 1) * 0.999)];
        double typical = magnitudes[(magnitudes.Length - 1) / 2];
        double contrast = Percentile(histogram, total, 0.99) - Percentile(histogram, total, 0.01);

        return new PhotoQualityMeasures(
            BrightLevel: Percentile(histogram, total, 0.99),
            SaturatedFraction: histogram[250..].Sum() / total,
            Sharpness: steepest / Math.Max(contrast, 1),
            Busyness: typical / Math.Max(steepest, 1));
    }

    /// <summary>Throws a <see cref="PhotoRejectedException"/> naming the first problem found; returns the measures otherwise.</summary>
    public PhotoQualityMeasures Check(DecodedPhoto photo)
    {
        var measures = Measure(photo);
        if (measures.BrightLevel < MinBrightLevel)
        {
            throw new PhotoRejectedException(
                ReasonCodes.TooDark,
                "The photo is too dark to read: turn on a light or move to a window and take it again.");
        }

        if (measures.SaturatedFraction > MaxSaturatedFraction)
        {
            throw new PhotoRejectedException(
                ReasonCodes.Overexposed,
                "The photo is washed out by too much light: avoid direct sunlight and the flash, then take it again.");
        }

        if (measures.Sharpness < MinSharpness && measures.Busyness < MaxBlurredBusyness)
        {
            throw new PhotoRejectedException(
                ReasonCodes.TooBlurry,
                "The photo is blurred: hold the phone still, tap the protocol to focus, and take it again.");
        }

        return measures;
    }

    private static double[] GrayHistogram(Mat gray)
    {
        gray.GetArray(out byte[] pixels);
        var histogram = new double[256];
        foreach (byte value in pixels)
        {
            histogram[value]++;
        }

        return histogram;
    }

    private static double Percentile(double[] histogram, double total, double fraction)
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
}
