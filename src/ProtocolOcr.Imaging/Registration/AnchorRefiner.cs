using System.Runtime.InteropServices;
using OpenCvSharp;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// Fine registration by the form's anchor patches: each patch is looked for (normalised cross-correlation of the
/// structure) in a small window of the photo warped by the current homography, and a homography is fitted to where
/// they were found (RANSAC drops patches covered by ink, a thumb or glare). Several times cheaper than ECC at the same
/// resolution, and a patch measures its own place, which a page that is not quite flat needs.
/// </summary>
internal static class AnchorRefiner
{
    /// <summary>A patch counts only where the correlation peaks at least this high.</summary>
    private const double MinPeak = 0.5;

    /// <summary>Fewer agreeing patches than this leave the fit to ECC.</summary>
    private const int MinAnchors = 8;

    /// <summary>How far (photo fine-level pixels) a patch may lie from the fitted homography and still count.</summary>
    private const double InlierDistance = 1.0;

    /// <summary>
    /// The homography (reference to decoded photo pixels) fitted to the patches found within
    /// <paramref name="searchRadius"/> anchor-level pixels of where <paramref name="referenceToPhoto"/> puts them; null
    /// when too few were found.
    /// </summary>
    public static double[]? Refine(PhotoLevels photo, double[] referenceToPhoto, FormReference reference, int searchRadius)
    {
        using var level = LevelHomography.ToLevel(referenceToPhoto, FormReference.AnchorScale, photo.FineScale);
        int half = AnchorPatches.PatchSize / 2;
        int window = AnchorPatches.PatchSize + (2 * searchRadius);
        var from = new List<Point2f>();
        var expected = new List<Point2f>();
        using var warped = new Mat();
        var pixels = new float[window * window];
        int offsets = (2 * searchRadius) + 1;
        var correlation = new float[offsets * offsets];
        foreach (var anchor in reference.Anchors)
        {
            using var shift = Translation(anchor.Center.X - half - searchRadius, anchor.Center.Y - half - searchRadius);
            using var windowToPhoto = (level * shift).ToMat();
            Cv2.WarpPerspective(
                photo.Fine, warped, windowToPhoto, new Size(window, window),
                InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Constant, Scalar.All(0));
            Marshal.Copy(warped.Data, pixels, 0, pixels.Length);
            PatchCorrelation.Compute(pixels, window, anchor.Template, AnchorPatches.PatchSize, correlation);
            int best = Array.IndexOf(correlation, correlation.Max());
            int x = best % offsets;
            int y = best / offsets;
            float peak = correlation[best];
            bool onTheEdge = x == 0 || y == 0 || x == offsets - 1 || y == offsets - 1;
            if (peak < MinPeak || onTheEdge)
            {
                continue;
            }

            // Where the reference's patch content really is, in anchor-level pixels of the current fit.
            float dx = (float)(x - searchRadius + PeakOffset(correlation[best - 1], peak, correlation[best + 1]));
            float dy = (float)(y - searchRadius + PeakOffset(correlation[best - offsets], peak, correlation[best + offsets]));
            from.Add(anchor.Center);
            expected.Add(new Point2f(anchor.Center.X + dx, anchor.Center.Y + dy));
        }

        if (from.Count < MinAnchors)
        {
            return null;
        }

        var to = Cv2.PerspectiveTransform(expected, level);
        using var inliers = new Mat();
        using var fitted = Cv2.FindHomography(InputArray.Create(from), InputArray.Create(to), HomographyMethods.Ransac, InlierDistance, inliers);
        if (fitted.Empty() || Cv2.CountNonZero(inliers) < MinAnchors)
        {
            return null;
        }

        using var full = LevelHomography.FromLevel(fitted, FormReference.AnchorScale, photo.FineScale);
        return LevelHomography.ToArray(full);
    }

    /// <summary>Sub-pixel offset of a peak from the parabola through it and its two neighbours.</summary>
    private static double PeakOffset(double before, double peak, double after)
    {
        double curvature = before - (2 * peak) + after;
        return curvature < 0 ? Math.Clamp(0.5 * (before - after) / curvature, -0.5, 0.5) : 0;
    }

    private static Mat Translation(double x, double y)
    {
        var shift = Mat.Eye(3, 3, MatType.CV_64FC1).ToMat();
        shift.Set(0, 2, x);
        shift.Set(1, 2, y);
        return shift;
    }
}
