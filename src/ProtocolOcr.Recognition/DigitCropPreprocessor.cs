using OpenCvSharp;
using ProtocolOcr.Imaging;

namespace ProtocolOcr.Recognition;

/// <summary>
/// Prepares a field crop for a line reader: grey, 2x upscale under 60 px (Tesseract wants taller glyphs), Otsu
/// threshold, removal of the box's printed borders and cell dividers (long straight strokes, which Tesseract reads as
/// 1s), and of specks too short to be a digit.
/// </summary>
public static class DigitCropPreprocessor
{
    private const int MinHeight = 60;
    private const double HorizontalLineFraction = 0.4;
    private const double VerticalLineFraction = 0.75;
    /// <summary>
    /// An upright handwritten 1 touching the box's top border makes a straight run of 0.75 of the crop's height with it
    /// and was erased as a border line ("1492" read "492"); the box's own borders and cell dividers run 0.8 or more.
    /// </summary>
    private const double HandwrittenVerticalLineFraction = 0.8;
    private const double MinDigitHeightFraction = 0.25;
    private const int Padding = 12;
    private const double WeakInkShare = 0.5;
    private const double LenientWeakShare = 0.7;
    /// <summary>Three standard deviations: about one paper pixel in a thousand is darker by chance.</summary>
    private const double GrainMargin = 3;
    private const double MadToStandardDeviation = 1.4826;
    private const double PaperWindowShare = 0.25;
    private const double StrokeLengthFraction = 0.25;
    private const double StrokeReachFraction = 0.1;
    private const int HairlineWidth = 2;
    private const double HairlineThickness = 1.5;
    /// <summary>The cropper's 8 px margin and as much again inside the box, in crop pixels before upscaling.</summary>
    private const int BorderBand = 16;
    /// <summary>
    /// See <see cref="FaintInk"/>. DEV hard 213 and 223 (3,640 fields) read as many fields right at 1/3 as at 1/2; 1/3
    /// takes fewer crops off the usual path (at 1/2 a grainy "993" beside the border was read "913").
    /// </summary>
    private const double FaintInkShare = 1.0 / 3;
    private const double FaintInkContrast = 2;

    /// <param name="crop">The field crop.</param>
    /// <param name="handwritten">
    /// Prepared for the handwritten-digit engine: threshold by hysteresis (<see cref="InkMask"/>) instead of Otsu alone,
    /// as thin strokes break; only lines of <see cref="HandwrittenVerticalLineFraction"/> of the height removed; border
    /// remnants at the crop's edges erased; short strokes beside a digit kept (see <see cref="KeepDigitSizedComponents"/>).
    /// Tesseract keeps plain Otsu: its reading also decides which way up the page lies, and bolder upside-down digits
    /// read well enough to turn a few pages the wrong way.
    /// </param>
    public static PreparedDigits Prepare(Mat crop, bool handwritten = false)
    {
        using var gray = new Mat();
        if (crop.Channels() == 1)
        {
            crop.CopyTo(gray);
        }
        else
        {
            Cv2.CvtColor(crop, gray, ColorConversionCodes.BGR2GRAY);
        }

        var upscale = 1;
        if (gray.Height < MinHeight)
        {
            upscale = 2;
            Cv2.Resize(gray, gray, new Size(), upscale, upscale, InterpolationFlags.Cubic);
        }

        FlattenPaper(gray);
        using var ink = handwritten ? InkMask(gray, BorderBand * upscale) : Otsu(gray);
        RemoveStraightLines(ink, handwritten ? HandwrittenVerticalLineFraction : VerticalLineFraction);
        if (handwritten)
        {
            EraseBorderRemnants(ink, BorderBand * upscale);
        }

        int components = KeepDigitSizedComponents(ink, keepStrokesBesideDigits: handwritten);

        var prepared = new Mat();
        using var dark = new Mat();
        Cv2.BitwiseNot(ink, dark);
        Cv2.CopyMakeBorder(dark, prepared, Padding, Padding, Padding, Padding, BorderTypes.Constant, Scalar.White);
        return new PreparedDigits(prepared, components);
    }

    /// <summary>
    /// Divides the crop by its paper (the local brightest grey over a window wider than any stroke), so a shadow or a
    /// light fall-off across the box no longer decides what is ink: one global threshold fits the whole crop.
    /// </summary>
    private static void FlattenPaper(Mat gray)
    {
        var side = Math.Max(9, (int)(gray.Height * PaperWindowShare) | 1);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(side, side));
        using var paper = new Mat();
        Cv2.Dilate(gray, paper, kernel);
        Cv2.Blur(paper, paper, new Size(side, side));
        Cv2.Divide(gray, paper, gray, 255);
    }

    /// <summary>
    /// Ink as white on black by hysteresis: Otsu's threshold finds the sure ink, and lighter pixels (<see
    /// cref="WeakInkThreshold"/>) are kept where they touch sure ink. A thin ballpoint stroke is darker in its middle
    /// than at its ends; Otsu alone broke a 9's tail off its loop and the pieces were dropped as specks.
    /// </summary>
    private static Mat InkMask(Mat gray, int borderBand)
    {
        if (FaintInk(gray, borderBand) is { } faint)
        {
            return faint;
        }

        var strong = new Mat();
        var otsu = Cv2.Threshold(gray, strong, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        double paper = Histograms.Median(gray);
        if (paper <= otsu + 2)
        {
            return strong;
        }

        using var weak = new Mat();
        Cv2.Threshold(gray, weak, WeakInkThreshold(gray, otsu, paper), 255, ThresholdTypes.BinaryInv);
        using var labels = new Mat();
        var count = Cv2.ConnectedComponents(weak, labels, PixelConnectivity.Connectivity8);
        labels.GetArray(out int[] label);
        strong.GetArray(out byte[] sure);
        var touchesSureInk = new bool[count];
        for (var i = 0; i < sure.Length; i++)
        {
            touchesSureInk[label[i]] |= sure[i] != 0;
        }

        var mask = new byte[sure.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = label[i] != 0 && touchesSureInk[label[i]] ? (byte)255 : (byte)0;
        }

        strong.SetArray(mask);
        return strong;
    }

    /// <summary>
    /// How light a pixel touching sure ink may be and still be ink: <see cref="GrainMargin"/> times the paper's grain
    /// (the median deviation from the paper of the pixels on its side of Otsu's threshold, as a standard deviation)
    /// short of the paper, but at least <see cref="WeakInkShare"/> and at most <see cref="LenientWeakShare"/> of the way
    /// from Otsu's threshold to the paper. Clean paper lets a light stroke's ends in (DEV ru 240 #6: "290" read "296",
    /// "188" read "182", both accepted as their sum held); on grainy paper the grain stays out (a fixed 0.7 share: DEV
    /// hard 223 accuracy 89.3 -> 85.7%). DEV, against 0.5 everywhere: phone 211 review 8.6 -> 7.9%, silent errors on
    /// all DEV sets 3 -> 0.
    /// </summary>
    private static double WeakInkThreshold(Mat gray, double otsu, double paper)
    {
        double grain = Grain(gray, otsu, paper);
        double reach = Math.Clamp(GrainMargin * grain, (paper - otsu) * (1 - LenientWeakShare), (paper - otsu) * (1 - WeakInkShare));
        return paper - reach;
    }

    /// <summary>
    /// The ink of faint handwriting, or null when the ink is not faint. Faint: on the crop smoothed by a 3x3 Gaussian
    /// (the photo's grain, near the paper where faint ink is, otherwise decides), Otsu's threshold over the whole crop
    /// keeps less than <see cref="FaintInkShare"/> of the ink inside the box (<paramref name="borderBand"/> px in from
    /// every side) that Otsu's threshold over the inside alone keeps: the printed border, darker than the digits, took
    /// the ink class and the digits fell below it (DEV hard 223 #51: "2662" read "22", "705" read "0"). The ink is
    /// then the smoothed crop under the inside's threshold, with no weaker hysteresis pass (grown, the grain clumped
    /// into digit-sized specks: "97" read "974" on DEV hard 213).
    /// </summary>
    private static Mat? FaintInk(Mat gray, int borderBand)
    {
        var inside = Inside(gray, borderBand);
        if (inside.Width <= 0 || inside.Height <= 0)
        {
            return null;
        }

        using var smooth = new Mat();
        Cv2.GaussianBlur(gray, smooth, new Size(3, 3), 0);
        using var whole = new Mat();
        Cv2.Threshold(smooth, whole, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        using var sure = new Mat(whole, inside);
        using var area = new Mat(smooth, inside);
        using var ownInk = new Mat();
        var ownThreshold = Cv2.Threshold(area, ownInk, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        if (Cv2.CountNonZero(sure) >= FaintInkShare * Cv2.CountNonZero(ownInk) || !StandsOutOfTheGrain(area, ownThreshold))
        {
            return null;
        }

        var ink = new Mat();
        Cv2.Threshold(smooth, ink, ownThreshold, 255, ThresholdTypes.BinaryInv);
        return ink;
    }

    /// <summary>The paper's grain: the median deviation from <paramref name="paper"/> of the pixels lighter than <paramref name="threshold"/>, as a standard deviation.</summary>
    private static double Grain(Mat gray, double threshold, double paper)
    {
        using var deviation = new Mat();
        Cv2.Absdiff(gray, new Scalar(paper), deviation);
        using var paperSide = new Mat();
        Cv2.Threshold(gray, paperSide, threshold, 255, ThresholdTypes.Binary);
        var histogram = Histograms.Of(deviation, 256, 256, paperSide);
        var count = histogram.Sum();
        return count == 0 ? 0 : MadToStandardDeviation * Histograms.Percentile(histogram, count, 0.5);
    }

    /// <summary>
    /// The ink under <paramref name="threshold"/> is darker than the paper by at least <see cref="FaintInkContrast"/>
    /// times the paper's grain: else Otsu's threshold only split the grain of an empty box (read "88088" otherwise).
    /// DEV: faint digits 3.6 and 4.7 grains below the paper, empty parts of boxes 0.0-0.2.
    /// </summary>
    private static bool StandsOutOfTheGrain(Mat area, double threshold)
    {
        var paper = Histograms.Median(area);
        return paper - threshold >= FaintInkContrast * Grain(area, threshold, paper);
    }

    private static Rect Inside(Mat gray, int borderBand) =>
        new(borderBand, borderBand, gray.Width - (2 * borderBand), gray.Height - (2 * borderBand));

    private static Mat Otsu(Mat gray)
    {
        var ink = new Mat();
        Cv2.Threshold(gray, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        return ink;
    }

    /// <summary>
    /// Erases ink lying wholly within <paramref name="band"/> px of the crop's left or right edge: what the line removal
    /// leaves of a faint, broken or tilted box border (the crop's margin around the box is 8 px). On DEV hard photos
    /// such slivers were read as a leading or trailing 1 ("30" read "130").
    /// </summary>
    private static void EraseBorderRemnants(Mat ink, int band)
    {
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        int count = Cv2.ConnectedComponentsWithStats(ink, labels, stats, centroids);
        for (int label = 1; label < count; label++)
        {
            int left = stats.At<int>(label, (int)ConnectedComponentsTypes.Left);
            int width = stats.At<int>(label, (int)ConnectedComponentsTypes.Width);
            if (left + width <= band || left >= ink.Width - band)
            {
                using var component = new Mat();
                Cv2.InRange(labels, new Scalar(label), new Scalar(label), component);
                ink.SetTo(Scalar.Black, component);
            }
        }
    }

    private static void RemoveStraightLines(Mat ink, double verticalLineFraction)
    {
        using var horizontalKernel = Cv2.GetStructuringElement(
            MorphShapes.Rect, new Size(Math.Max(3, (int)(ink.Width * HorizontalLineFraction)), 1));
        using var verticalKernel = Cv2.GetStructuringElement(
            MorphShapes.Rect, new Size(1, Math.Max(3, (int)(ink.Height * verticalLineFraction))));
        using var horizontal = new Mat();
        using var vertical = new Mat();
        Cv2.MorphologyEx(ink, horizontal, MorphTypes.Open, horizontalKernel);
        Cv2.MorphologyEx(ink, vertical, MorphTypes.Open, verticalKernel);
        using var lines = new Mat();
        Cv2.BitwiseOr(horizontal, vertical, lines);
        using var grow = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));
        Cv2.Dilate(lines, lines, grow);
        Cv2.Subtract(ink, lines, ink);
    }

    /// <summary>
    /// Erases connected components shorter than a digit could be; returns how many digit-sized ones remain. With
    /// <paramref name="keepStrokesBesideDigits"/>, a short piece is kept when it is a stroke (at least
    /// <see cref="StrokeLengthFraction"/> of the tallest piece long) lying within <see cref="StrokeReachFraction"/> of a
    /// digit-sized piece: a handwritten 5's cap or a 7's bar drawn apart from the body. Dropped as specks, they
    /// turned 5s into 3s ("385" read as "383").
    /// </summary>
    private static int KeepDigitSizedComponents(Mat ink, bool keepStrokesBesideDigits)
    {
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        int count = Cv2.ConnectedComponentsWithStats(ink, labels, stats, centroids);
        int minHeight = (int)(ink.Height * MinDigitHeightFraction);
        var boxes = Enumerable.Range(0, count).Select(label => new Rect(
            stats.At<int>(label, (int)ConnectedComponentsTypes.Left),
            stats.At<int>(label, (int)ConnectedComponentsTypes.Top),
            stats.At<int>(label, (int)ConnectedComponentsTypes.Width),
            stats.At<int>(label, (int)ConnectedComponentsTypes.Height))).ToArray();
        var areas = Enumerable.Range(0, count).Select(label => stats.At<int>(label, (int)ConnectedComponentsTypes.Area)).ToArray();
        bool IsDigit(int label) => boxes[label].Height >= minHeight && !(keepStrokesBesideDigits && IsHairline(boxes[label], areas[label]));
        var digits = Enumerable.Range(1, count - 1).Where(IsDigit).Select(label => boxes[label]).ToList();
        int tallest = digits.Count == 0 ? 0 : digits.Max(box => box.Height);
        int kept = 0;
        for (int label = 1; label < count; label++)
        {
            var bounds = boxes[label];
            if (IsDigit(label))
            {
                kept++;
                continue;
            }

            if (keepStrokesBesideDigits && !IsHairline(bounds, areas[label]) && IsStrokeBesideDigit(bounds, digits, tallest))
            {
                continue;
            }

            using var labelsInBounds = new Mat(labels, bounds);
            using var inkInBounds = new Mat(ink, bounds);
            using var component = new Mat();
            Cv2.InRange(labelsInBounds, new Scalar(label), new Scalar(label), component);
            inkInBounds.SetTo(Scalar.Black, component);
        }

        return kept;
    }

    /// <summary>
    /// A vertical sliver about one pixel wide (at most <see cref="HairlineWidth"/> px across, under
    /// <see cref="HairlineThickness"/> px of ink per row): what the line removal leaves of a box border. A 1 px sliver
    /// of the right border beside "173" took a speck as its bar and read as a fourth digit, 7. A thin upright 1 is
    /// 2 px wide with about 1.8 px of ink per row; judged by area over length, a 1 with a border sliver attached
    /// looked as thin as the sliver and was lost.
    /// </summary>
    private static bool IsHairline(Rect bounds, int area) =>
        bounds.Width <= HairlineWidth && (double)area / bounds.Height < HairlineThickness;

    private static bool IsStrokeBesideDigit(Rect piece, List<Rect> digits, int tallest)
    {
        if (Math.Max(piece.Width, piece.Height) < tallest * StrokeLengthFraction)
        {
            return false;
        }

        var reach = tallest * StrokeReachFraction;
        return digits.Any(digit =>
            Math.Max(0, Math.Max(digit.Left - piece.Right, piece.Left - digit.Right)) <= reach
            && Math.Max(0, Math.Max(digit.Top - piece.Bottom, piece.Top - digit.Bottom)) <= reach);
    }
}
