using OpenCvSharp;
using ProtocolOcr.Imaging.Page;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// Registers a photo to a form's reference page by its printed structure, not the sheet edge: a coarse fit (the page
/// outline either way up, else ORB features + RANSAC) is refined by ECC (homography) on the ink structure at 1/12 of
/// reference size, then by the form's anchor patches at 1/4 (ECC at 1/6 only when the patches give no sure fit). The
/// structure's correlation at 1/6 is the registration's score.
/// </summary>
internal sealed class FormRegistrar
{
    /// <summary>Working size of the photo for the fine level and features (long side, px, roughly); the coarse level uses half of it.</summary>
    internal const int PhotoLongSide = 700;
    private const float FeatureRatio = 0.8f;
    private const int MinFeatureInliers = 12;

    /// <summary>How far (anchor-level pixels, 4 reference px each) patches are looked for around the coarse fit, then around the first patch fit.</summary>
    private const int WideSearch = 6;
    private const int NarrowSearch = 2;

    /// <summary>A fine-level score at or above this is a sure fit (DEV good photos 0.69-0.94); below, every start is refined.</summary>
    internal const double ConfidentScore = 0.68;

    /// <summary>
    /// Below this, the best coarse fit (outline and features tried) gets only the cheap anchor patches, no ECC: the
    /// structure does not look like this form anywhere near, and ECC refinement of every start cost 1.9-3.5 core-s per
    /// photo of another document (DEV seeds 113 hard, 114 bad: best coarse score of good photos 0.71-0.94, of other
    /// documents 0.08-0.30). The patches are each correlated on their own, so glare or heavy noise that drags the
    /// whole-page coarse score down does not stop them (DEV hard 230 #135: coarse 0.37, anchored 0.63); only when they
    /// agree on a fit scoring at least this is it refined as any other.
    /// </summary>
    internal const double MinCoarseScore = 0.4;

    private static readonly TermCriteria CoarseCriteria = new(CriteriaTypes.Count | CriteriaTypes.Eps, 12, 1e-3);
    private static readonly TermCriteria FineCriteria = new(CriteriaTypes.Count | CriteriaTypes.Eps, 15, 1e-4);

    /// <param name="acceptScore">A coarse fit from the outline at or above this correlation skips feature matching.</param>
    public FormRegistrar(double acceptScore) => AcceptScore = acceptScore;

    public double AcceptScore { get; }

    /// <summary>The best registration found, or null when no start converged.</summary>
    internal RegisteredPage? Register(PhotoLevels photo, PageQuad? outline, FormReference reference)
    {
        var fits = new List<(double[] Homography, double Score, RegistrationStart Start)>();
        if (outline is not null)
        {
            foreach (var corners in new[] { outline.Corners, TurnedHalfRound(outline.Corners) })
            {
                var start = FromCorners(corners, reference.Size);
                if (Ecc(reference.Coarse, FormReference.CoarseScale, photo.Coarse, photo.CoarseScale, start, CoarseCriteria) is { } fit)
                {
                    fits.Add((fit.Homography, fit.Score, RegistrationStart.PageOutline));
                }
            }
        }

        bool featuresTried = false;
        void TryFeatures()
        {
            featuresTried = true;
            foreach (var features in reference.Features)
            {
                // The smaller scale only when no start fits yet (FormReference.SmallFeatureScale).
                if (features != reference.Features[0] && fits.Count > 0 && fits.Max(fit => fit.Score) >= AcceptScore)
                {
                    break;
                }

                if (FeatureHomography(photo, features) is { } start
                    && Ecc(reference.Coarse, FormReference.CoarseScale, photo.Coarse, photo.CoarseScale, start, CoarseCriteria) is { } fit)
                {
                    fits.Add((fit.Homography, fit.Score, RegistrationStart.FeatureMatch));
                }
            }
        }

        if (fits.Count == 0 || fits.Max(fit => fit.Score) < AcceptScore)
        {
            TryFeatures();
        }

        if (fits.Count == 0)
        {
            return null;
        }

        var best = fits.MaxBy(fit => fit.Score);
        RegisteredPage registered;
        if (best.Score >= MinCoarseScore)
        {
            registered = Refine(photo, best.Homography, best.Start, reference);
        }
        else
        {
            var unrefined = new RegisteredPage(best.Homography, best.Score, best.Start, reference.Size);
            var anchored = fits.Select(fit => Anchored(photo, fit.Homography, fit.Start, reference))
                .OfType<RegisteredPage>()
                .MaxBy(candidate => candidate.Score);
            if (anchored is null || anchored.Score < MinCoarseScore)
            {
                return anchored is not null && anchored.Score > unrefined.Score ? anchored : unrefined;
            }

            registered = anchored;
        }

        if (registered.Score >= ConfidentScore)
        {
            return registered;
        }

        // An unsure fit: the coarse level may have preferred a wrong start; let every start compete at the fine level.
        if (!featuresTried)
        {
            TryFeatures();
        }

        return fits.Where(fit => fit != best)
            .Select(fit => Refine(photo, fit.Homography, fit.Start, reference))
            .Append(registered)
            .MaxBy(candidate => candidate.Score);
    }

    /// <summary>
    /// Registers the photo to <paramref name="reference"/> starting from another registration of it (e.g. to a form
    /// with the same layout), at the fine level only.
    /// </summary>
    internal RegisteredPage Register(PhotoLevels photo, RegisteredPage start, FormReference reference) =>
        Refine(photo, start.ReferenceToPhoto, start.Start, reference);

    /// <summary>
    /// The fine fit: anchor patches (twice, the second search narrower), scored by the structure's correlation at the
    /// fine level; ECC at the fine level when the patches give no sure fit, the better of both kept.
    /// </summary>
    private static RegisteredPage Refine(PhotoLevels photo, double[] start, RegistrationStart startKind, FormReference reference)
    {
        var anchored = Anchored(photo, start, startKind, reference);
        if (anchored is { Score: >= ConfidentScore })
        {
            return anchored;
        }

        var refined = Ecc(reference.Fine, FormReference.FineScale, photo.Fine, photo.FineScale, start, FineCriteria);
        var byEcc = refined is { } fine
            ? new RegisteredPage(fine.Homography, fine.Score, startKind, reference.Size)
            : new RegisteredPage(start, 0, startKind, reference.Size);
        return anchored is not null && anchored.Score > byEcc.Score ? anchored : byEcc;
    }

    /// <summary>The anchor patches' fit (twice, the second search narrower) and its score; null when too few patches agree.</summary>
    private static RegisteredPage? Anchored(PhotoLevels photo, double[] start, RegistrationStart startKind, FormReference reference)
    {
        if (AnchorRefiner.Refine(photo, start, reference, WideSearch) is not { } wide)
        {
            return null;
        }

        var narrow = AnchorRefiner.Refine(photo, wide, reference, NarrowSearch) ?? wide;
        return new RegisteredPage(narrow, StructureScore(photo, narrow, reference), startKind, reference.Size);
    }

    /// <summary>
    /// How well the photo's structure, warped onto the reference by <paramref name="referenceToPhoto"/>, matches the
    /// reference's at the fine level: their correlation coefficient, the quantity ECC maximises and reports.
    /// </summary>
    private static double StructureScore(PhotoLevels photo, double[] referenceToPhoto, FormReference reference)
    {
        using var level = LevelHomography.ToLevel(referenceToPhoto, FormReference.FineScale, photo.FineScale);
        using var warped = new Mat();
        Cv2.WarpPerspective(
            photo.Fine, warped, level, reference.Fine.Size(),
            InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Constant, Scalar.All(0));
        Cv2.MeanStdDev(warped, out var photoMean, out var photoDeviation);
        double photoSpread = photoDeviation.Val0;
        return photoSpread > 0
            ? ((warped.Dot(reference.Fine) / warped.Total()) - (photoMean.Val0 * reference.FineMean)) / (photoSpread * reference.FineDeviation)
            : 0;
    }

    private static Point2f[] TurnedHalfRound(Point2f[] corners) => [corners[2], corners[3], corners[0], corners[1]];

    private static double[] FromCorners(Point2f[] corners, Size referenceSize)
    {
        Point2f[] reference =
        [
            new(0, 0), new(referenceSize.Width, 0), new(referenceSize.Width, referenceSize.Height), new(0, referenceSize.Height),
        ];
        using var homography = Cv2.GetPerspectiveTransform(reference, corners);
        return LevelHomography.ToArray(homography);
    }

    /// <summary>
    /// ECC on one level: the template is the reference structure at <paramref name="referenceScale"/>, the input the
    /// photo structure at <paramref name="photoScale"/>; homographies in and out are in full reference / decoded-photo
    /// pixels. Null when ECC does not converge from this start or diverges on the way (OpenCV reports both as errors:
    /// "NaN encountered" when a start's warp degenerates, e.g. a page outline found on a blotch of a cut-off photo).
    /// </summary>
    private static (double[] Homography, double Score)? Ecc(
        Mat template, double referenceScale, Mat input, double photoScale, double[] referenceToPhoto, TermCriteria criteria)
    {
        using var levelHomography = LevelHomography.ToLevel(referenceToPhoto, referenceScale, photoScale);
        using var warp = new Mat();
        levelHomography.ConvertTo(warp, MatType.CV_32FC1);
        double score;
        try
        {
            score = Cv2.FindTransformECC(template, input, warp, MotionTypes.Homography, criteria, null, 1);
        }
        catch (OpenCVException exception) when (exception.Message.Contains("convergence", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("NaN encountered", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        using var found = new Mat();
        warp.ConvertTo(found, MatType.CV_64FC1);
        using var full = LevelHomography.FromLevel(found, referenceScale, photoScale);
        return (LevelHomography.ToArray(full), score);
    }

    /// <summary>Coarse fit from ORB features matched to the reference's (ratio test, RANSAC), or null with too few inliers.</summary>
    private static double[]? FeatureHomography(PhotoLevels photo, ReferenceFeatures features)
    {
        // Features at the fine level: no second pass over the full-resolution photo.
        double photoScale = photo.FineScale;
        var (keypoints, descriptors) = photo.Features();
        if (keypoints.Length < MinFeatureInliers || features.Points.Length < MinFeatureInliers)
        {
            return null;
        }

        var pairs = features.Descriptors.RatioMatches(descriptors, FeatureRatio);
        if (pairs.Count < MinFeatureInliers)
        {
            return null;
        }

        var from = pairs.Select(pair => features.Points[pair.Query]).ToArray();
        var to = pairs.Select(pair => keypoints[pair.Train].Pt).ToArray();
        using var inliers = new Mat();
        using var homography = Cv2.FindHomography(
            InputArray.Create(from), InputArray.Create(to), HomographyMethods.Ransac, 4, inliers);
        if (homography.Empty() || Cv2.CountNonZero(inliers) < MinFeatureInliers)
        {
            return null;
        }

        using var full = LevelHomography.FromLevel(homography, features.Scale, photoScale);
        return LevelHomography.ToArray(full);
    }
}
