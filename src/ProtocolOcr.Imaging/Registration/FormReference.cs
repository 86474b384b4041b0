using OpenCvSharp;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// A form's blank reference page prepared once for registration: its structure at the coarse and fine registration
/// scales, and its ORB features at the feature-matching scales.
/// </summary>
public sealed class FormReference : IDisposable
{
    internal const double CoarseScale = 1.0 / 12;
    internal const double FineScale = 1.0 / 6;
    internal const double FeatureScale = 0.35;

    /// <summary>
    /// A second, smaller feature scale, matched only when the first gives no sure start. ORB finds most features at
    /// its finest levels, and a page at the photo's fine level (700 px long side) is 300-650 px tall, against 819
    /// (kz.president.2019) at <see cref="FeatureScale"/>: a small or steeply tilted page (DEV hard 232 #10, #276: pitch
    /// 32-33 degrees, 290-450 px) matched at 0.35 with 8-10 wrong inliers, at this scale with 16-20 right ones. Used
    /// alone it lost other hard photos that 0.35 registers (DEV hard 230 #96, #132), so it is a fallback.
    /// </summary>
    internal const double SmallFeatureScale = 0.25;
    internal const double AnchorScale = 1.0 / 4;

    internal const int FeatureCount = 2000;

    private FormReference(string formId, Size size, Mat coarse, Mat fine, ReferenceFeatures[] features, AnchorPatch[] anchors)
    {
        Anchors = anchors;
        Cv2.MeanStdDev(fine, out var mean, out var deviation);
        FineMean = mean.Val0;
        FineDeviation = deviation.Val0;
        FormId = formId;
        Size = size;
        Coarse = coarse;
        Fine = fine;
        Features = features;
    }

    public string FormId { get; }

    /// <summary>Reference page size in pixels (the form's <c>page</c>).</summary>
    public Size Size { get; }

    internal Mat Coarse { get; }

    internal Mat Fine { get; }

    internal double FineMean { get; }

    internal double FineDeviation { get; }

    /// <summary>ORB features at <see cref="FeatureScale"/>, then at <see cref="SmallFeatureScale"/>.</summary>
    internal ReferenceFeatures[] Features { get; }

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

        using var anchorLevel = StructureImage.Of(gray, AnchorScale);
        ReferenceFeatures[] features =
        [
            ReferenceFeatures.Of(gray, FeatureScale, FeatureCount), ReferenceFeatures.Of(gray, SmallFeatureScale, FeatureCount),
        ];
        return new FormReference(
            formId, gray.Size(), StructureImage.Of(gray, CoarseScale), StructureImage.Of(gray, FineScale), features,
            AnchorPatches.Pick(anchorLevel));
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
    }
}
