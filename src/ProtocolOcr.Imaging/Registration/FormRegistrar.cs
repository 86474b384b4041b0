using OpenCvSharp;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Page;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// Registers a photo to a form's reference page by its printed structure, not the sheet edge: a coarse fit (the page
/// outline either way up, else ORB features + RANSAC) is refined by ECC (homography) on the ink structure, first at
/// 1/12 then at 1/6 of reference size. The ECC correlation at 1/6 is the registration's score.
/// </summary>
public sealed class FormRegistrar
{
    /// <summary>Working size of the photo for the fine level (long side, px); the coarse level uses half of it, features 1.4 times it.</summary>
    private const int PhotoLongSide = 700;
    private const double FeatureToFine = 1.4;
    private const float FeatureRatio = 0.8f;
    private const int MinFeatureInliers = 12;

    /// <summary>A fine-level score at or above this is a sure fit (DEV good photos 0.69-0.94); below, every start is refined.</summary>
    private const double ConfidentScore = 0.68;

    private static readonly TermCriteria CoarseCriteria = new(CriteriaTypes.Count | CriteriaTypes.Eps, 30, 1e-3);
    private static readonly TermCriteria FineCriteria = new(CriteriaTypes.Count | CriteriaTypes.Eps, 15, 1e-4);

    /// <param name="acceptScore">A coarse fit from the outline at or above this correlation skips feature matching.</param>
    public FormRegistrar(double acceptScore) => AcceptScore = acceptScore;

    public double AcceptScore { get; }

    /// <summary>The best registration found, or null when no start converged.</summary>
    public RegisteredPage? Register(DecodedPhoto photo, PageQuad? outline, FormReference reference)
    {
        double fineScale = Math.Min(1.0, (double)PhotoLongSide / Math.Max(photo.Width, photo.Height));
        double coarseScale = fineScale / 2;
        using var gray = new Mat();
        Cv2.CvtColor(photo.Image, gray, ColorConversionCodes.BGR2GRAY);
        using var photoCoarse = StructureImage.Of(gray, coarseScale);

        var fits = new List<(double[] Homography, double Score, RegistrationStart Start)>();
        if (outline is not null)
        {
            foreach (var corners in new[] { outline.Corners, TurnedHalfRound(outline.Corners) })
            {
                var start = FromCorners(corners, reference.Size);
                if (Ecc(reference.Coarse, FormReference.CoarseScale, photoCoarse, coarseScale, start, CoarseCriteria) is { } fit)
                {
                    fits.Add((fit.Homography, fit.Score, RegistrationStart.PageOutline));
                }
            }
        }

        bool featuresTried = false;
        void TryFeatures()
        {
            featuresTried = true;
            double featureScale = Math.Min(1.0, FeatureToFine * fineScale);
            using var photoSmall = new Mat();
            Cv2.Resize(gray, photoSmall, new Size(), featureScale, featureScale, InterpolationFlags.Area);
            if (FeatureHomography(photoSmall, featureScale, reference) is { } start
                && Ecc(reference.Coarse, FormReference.CoarseScale, photoCoarse, coarseScale, start, CoarseCriteria) is { } fit)
            {
                fits.Add((fit.Homography, fit.Score, RegistrationStart.FeatureMatch));
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
        var registered = Refine(gray, fineScale, best.Homography, best.Start, reference);
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
            .Select(fit => Refine(gray, fineScale, fit.Homography, fit.Start, reference))
            .Append(registered)
            .MaxBy(candidate => candidate.Score);
    }

    /// <summary>
    /// Registers the photo to <paramref name="reference"/> starting from another registration of it (e.g. to a form
    /// with the same layout), at the fine level only.
    /// </summary>
    public RegisteredPage Register(DecodedPhoto photo, RegisteredPage start, FormReference reference)
    {
        double fineScale = Math.Min(1.0, (double)PhotoLongSide / Math.Max(photo.Width, photo.Height));
        using var gray = new Mat();
        Cv2.CvtColor(photo.Image, gray, ColorConversionCodes.BGR2GRAY);
        return Refine(gray, fineScale, start.ReferenceToPhoto, start.Start, reference);
    }

    private static RegisteredPage Refine(Mat gray, double fineScale, double[] start, RegistrationStart startKind, FormReference reference)
    {
        using var photoFine = StructureImage.Of(gray, fineScale);
        var refined = Ecc(reference.Fine, FormReference.FineScale, photoFine, fineScale, start, FineCriteria);
        return refined is { } fine
            ? new RegisteredPage(fine.Homography, fine.Score, startKind, reference.Size)
            : new RegisteredPage(start, 0, startKind, reference.Size);
    }

    private static Point2f[] TurnedHalfRound(Point2f[] corners) => [corners[2], corners[3], corners[0], corners[1]];

    private static double[] FromCorners(Point2f[] corners, Size referenceSize)
    {
        Point2f[] reference =
        [
            new(0, 0), new(referenceSize.Width, 0), new(referenceSize.Width, referenceSize.Height), new(0, referenceSize.Height),
        ];
        using var homography = Cv2.GetPerspectiveTransform(reference, corners);
        return ToArray(homography);
    }

    /// <summary>
    /// ECC on one level: the template is the reference structure at <paramref name="referenceScale"/>, the input the
    /// photo structure at <paramref name="photoScale"/>; homographies in and out are in full reference / decoded-photo
    /// pixels. Null when ECC does not converge from this start (OpenCV reports it as an error).
    /// </summary>
    private static (double[] Homography, double Score)? Ecc(
        Mat template, double referenceScale, Mat input, double photoScale, double[] referenceToPhoto, TermCriteria criteria)
    {
        using var levelHomography = ToLevel(referenceToPhoto, referenceScale, photoScale);
        using var warp = new Mat();
        levelHomography.ConvertTo(warp, MatType.CV_32FC1);
        double score;
        try
        {
            score = Cv2.FindTransformECC(template, input, warp, MotionTypes.Homography, criteria, null, 1);
        }
        catch (OpenCVException exception) when (exception.Message.Contains("convergence", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        using var found = new Mat();
        warp.ConvertTo(found, MatType.CV_64FC1);
        using var full = FromLevel(found, referenceScale, photoScale);
        return (ToArray(full), score);
    }

    /// <summary>Coarse fit from ORB features matched to the reference's (ratio test, RANSAC), or null with too few inliers.</summary>
    private static double[]? FeatureHomography(Mat photoSmall, double photoScale, FormReference reference)
    {
        using var orb = ORB.Create(FormReference.FeatureCount);
        using var descriptors = new Mat();
        orb.DetectAndCompute(photoSmall, null, out var keypoints, descriptors);
        if (keypoints.Length < MinFeatureInliers || reference.FeaturePoints.Length < MinFeatureInliers)
        {
            return null;
        }

        using var matcher = new BFMatcher(NormTypes.Hamming);
        var pairs = matcher.KnnMatch(reference.FeatureDescriptors, descriptors, 2)
            .Where(candidates => candidates.Length == 2 && candidates[0].Distance < FeatureRatio * candidates[1].Distance)
            .Select(candidates => candidates[0])
            .ToArray();
        if (pairs.Length < MinFeatureInliers)
        {
            return null;
        }

        var from = pairs.Select(pair => reference.FeaturePoints[pair.QueryIdx]).ToArray();
        var to = pairs.Select(pair => keypoints[pair.TrainIdx].Pt).ToArray();
        using var inliers = new Mat();
        using var homography = Cv2.FindHomography(
            InputArray.Create(from), InputArray.Create(to), HomographyMethods.Ransac, 4, inliers);
        if (homography.Empty() || Cv2.CountNonZero(inliers) < MinFeatureInliers)
        {
            return null;
        }

        using var full = FromLevel(homography, FormReference.FeatureScale, photoScale);
        return ToArray(full);
    }

    /// <summary>
    /// Full-size homography to one level's (photo scaled by <paramref name="photoScale"/>, reference by
    /// <paramref name="referenceScale"/>): diag(p, p, 1) * H * diag(1/r, 1/r, 1).
    /// </summary>
    private static Mat ToLevel(double[] referenceToPhoto, double referenceScale, double photoScale) =>
        Scaled(referenceToPhoto, photoScale, 1 / referenceScale);

    private static Mat FromLevel(Mat level, double referenceScale, double photoScale) =>
        Scaled(ToArray(level), 1 / photoScale, referenceScale);

    private static Mat Scaled(double[] homography, double rowFactor, double columnFactor)
    {
        var scaled = new Mat(3, 3, MatType.CV_64FC1);
        for (int row = 0; row < 3; row++)
        {
            for (int column = 0; column < 3; column++)
            {
                double left = row < 2 ? rowFactor : 1;
                double right = column < 2 ? columnFactor : 1;
                scaled.Set(row, column, left * homography[(row * 3) + column] * right);
            }
        }

        return scaled;
    }

    private static double[] ToArray(Mat homography)
    {
        var values = new double[9];
        for (int row = 0; row < 3; row++)
        {
            for (int column = 0; column < 3; column++)
            {
                values[(row * 3) + column] = homography.At<double>(row, column);
            }
        }

        return values;
    }
}
