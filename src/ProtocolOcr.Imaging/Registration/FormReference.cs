using OpenCvSharp;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// A form's blank reference page prepared once for registration: its structure at the coarse and fine registration
/// scales, and its ORB features at the feature-matching scale.
/// </summary>
public sealed class FormReference : IDisposable
{
    internal const double CoarseScale = 1.0 / 12;
    internal const double FineScale = 1.0 / 6;
    internal const double FeatureScale = 0.35;
    internal const double AnchorScale = 1.0 / 4;

    internal const int FeatureCount = 2000;

    private FormReference(
        string formId, Size size, Mat coarse, Mat fine, Point2f[] featurePoints, Mat featureDescriptors, AnchorPatch[] anchors)
    {
        Anchors = anchors;
        Cv2.MeanStdDev(fine, out var mean, out var deviation);
        FineMean = mean.Val0;
        FineDeviation = deviation.Val0;
        FormId = formId;
        Size = size;
        Coarse = coarse;
        Fine = fine;
        FeaturePoints = featurePoints;
        FeatureDescriptors = featureDescriptors;
    }

    public string FormId { get; }

    /// <summary>Reference page size in pixels (the form's <c>page</c>).</summary>
    public Size Size { get; }

    internal Mat Coarse { get; }

    internal Mat Fine { get; }

    internal double FineMean { get; }

    internal double FineDeviation { get; }

    /// <summary>ORB keypoint positions at <see cref="FeatureScale"/>.</summary>
    internal Point2f[] FeaturePoints { get; }

    internal Mat FeatureDescriptors { get; }

    /// <summary>Structure patches for the fine fit, at <see cref="AnchorScale"/>.</summary>
    internal AnchorPatch[] Anchors { get; }

    /// <summary>Prepares a reference from the form's blank page (grey or BGR, reference size).</summary>
    public static FormReference FromImage(string formId, Mat page)
    {
        using var gray = new Mat();
        if (page.Channels() == 1)
        {
            page.CopyTo(gray);
        }
        else
        {
            Cv2.CvtColor(page, gray, ColorConversionCodes.BGR2GRAY);
        }

        using var featureGray = new Mat();
        Cv2.Resize(gray, featureGray, new Size(), FeatureScale, FeatureScale, InterpolationFlags.Area);
        using var orb = ORB.Create(FeatureCount);
        var descriptors = new Mat();
        using var featureInk = StructureImage.Ink(featureGray);
        orb.DetectAndCompute(featureInk, null, out var keypoints, descriptors);
        using var anchorLevel = StructureImage.Of(gray, AnchorScale);
        return new FormReference(
            formId, gray.Size(), StructureImage.Of(gray, CoarseScale), StructureImage.Of(gray, FineScale),
            keypoints.Select(keypoint => keypoint.Pt).ToArray(), descriptors, AnchorPatches.Pick(anchorLevel));
    }

    /// <summary>Loads the form's reference PNG (forms/&lt;id&gt;.png).</summary>
    public static FormReference Load(string formId, string path)
    {
        using var page = Cv2.ImRead(path, ImreadModes.Grayscale);
        if (page.Empty())
        {
            throw new InvalidDataException($"The reference image of form '{formId}' ('{path}') is missing or not a readable image.");
        }

        return FromImage(formId, page);
    }

    public void Dispose()
    {
        Coarse.Dispose();
        Fine.Dispose();
        FeatureDescriptors.Dispose();
    }
}
