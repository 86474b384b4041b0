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
    public const int MeasureLongSide = PhotoPreview.LongSide;

    /// <summary>Too dark below this: dark photos measured 15-29, the darkest good photo 105.</summary>
    public const double MinBrightLevel = 55;

    /// <summary>Blown out above this share of saturated pixels, when the ink is washed out too (see docs/quality-gate.md).</summary>
    public const double MaxSaturatedFraction = 0.5;

    /// <summary>
    /// A photo past <see cref="MaxSaturatedFraction"/> is overexposed only when its darkest 0.5% are lighter than this: a
    /// white page filling the frame at normal exposure saturates over half the pixels but keeps its ink dark. DEV
    /// (seeds 211-213, 218, 240, 251, 254, 255; 1,040 good photos): the 14 good photos saturated over half measured
    /// 37-62, the same sets brightened 3x past the saturation share 77 and up (994 photos; all but one 84 and up).
    /// The darkest 2% (the rule before) let 7 of those brightened photos through and came within 6 levels of rejecting a
    /// good one: a page with sparse print can have under 2% of its pixels in ink (a clean TEST photo was rejected so).
    /// </summary>
    public const double MinWashedOutInkLevel = 70;

    /// <summary>The share of darkest pixels whose level is <see cref="PhotoQualityMeasures.InkLevel"/>.</summary>
    private const double InkShare = 0.005;

    /// <summary>
    /// Too blurry below this, at once. DEV (seeds 213, 214, 223, 211): defocused photos measured 0.45-1.02 (11 of 15 under
    /// 0.7), good ones 0.79 and up; the 6 of 360 good photos under 0.95 were all hard-level (1-2 px defocus, low contrast).
    /// </summary>
    public const double MinSharpness = 0.7;

    /// <summary>
    /// Between <see cref="MinSharpness"/> and this a photo may be blurred or only soft: it goes on, and a registration
    /// that finds no form in it is reported as blur, not as a missing page (<see cref="MayBeBlurred"/>). Rejecting all of
    /// them made 2.5% of DEV hard photos (seed 223) false rejections.
    /// </summary>
    public const double SharpFrom = 0.95;

    /// <summary>
    /// A blurred photo is mostly flat (typical gradient a small share of the steepest); a photo of noise is not, and is no
    /// photo of a page at all, so it is left to page detection. Blurred photos measured 0.02-0.15, uniform noise 0.32.
    /// </summary>
    public const double MaxBlurredBusyness = 0.25;

    /// <summary>Sobel magnitudes of 8-bit grey stay under 4 * 255 * sqrt(2) ~ 1443; quarter-level bins.</summary>
    private const float MaxGradient = 1536;
    private const int GradientBins = 6144;

    public PhotoQualityMeasures Measure(DecodedPhoto photo)
    {
        var gray = photo.Preview;
        var histogram = Histograms.Of(gray, bins: 256, upper: 256);
        double total = gray.Total();

        using var smoothed = new Mat();
        Cv2.GaussianBlur(gray, smoothed, new Size(0, 0), 1.0);
        using var gradientX = new Mat();
        using var gradientY = new Mat();
        using var magnitude = new Mat();
        Cv2.Sobel(smoothed, gradientX, MatType.CV_32F, 1, 0);
        Cv2.Sobel(smoothed, gradientY, MatType.CV_32F, 0, 1);
        Cv2.Magnitude(gradientX, gradientY, magnitude);
        // Percentiles from a histogram, not a sort of every pixel's magnitude (that cost ~25 ms a photo).
        var gradients = Histograms.Of(magnitude, GradientBins, MaxGradient);
        double binWidth = MaxGradient / GradientBins;
        double steepest = Histograms.Percentile(gradients, total, 0.999) * binWidth;
        double typical = Histograms.Percentile(gradients, total, 0.5) * binWidth;
        double contrast = Histograms.Percentile(histogram, total, 0.99) - Histograms.Percentile(histogram, total, 0.01);

        return new PhotoQualityMeasures(
            BrightLevel: Histograms.Percentile(histogram, total, 0.99),
            SaturatedFraction: histogram[250..].Sum() / total,
            InkLevel: Histograms.Percentile(histogram, total, InkShare),
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

        if (measures.SaturatedFraction > MaxSaturatedFraction && measures.InkLevel > MinWashedOutInkLevel)
        {
            throw new PhotoRejectedException(
                ReasonCodes.Overexposed,
                "The photo is washed out by too much light: avoid direct sunlight and the flash, then take it again.");
        }

        if (measures.Sharpness < MinSharpness && measures.Busyness < MaxBlurredBusyness)
        {
            throw Blurred();
        }

        return measures;
    }

    /// <summary>Soft enough that a page not found in it is better explained by blur (see <see cref="SharpFrom"/>).</summary>
    public static bool MayBeBlurred(PhotoQualityMeasures measures) =>
        measures.Sharpness < SharpFrom && measures.Busyness < MaxBlurredBusyness;

    /// <summary>The too_blurry rejection; <paramref name="inner"/> is the later stage's rejection that blur explains.</summary>
    public static PhotoRejectedException Blurred(PhotoRejectedException? inner = null)
    {
        const string message = "The photo is blurred: hold the phone still, tap the protocol to focus, and take it again.";
        return inner is null
            ? new PhotoRejectedException(ReasonCodes.TooBlurry, message)
            : new PhotoRejectedException(ReasonCodes.TooBlurry, message, inner);
    }
}
