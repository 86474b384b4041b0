using OpenCvSharp;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>ORB features of a form's reference ink at one scale: keypoint positions at <see cref="Scale"/> and their descriptors.</summary>
internal sealed class ReferenceFeatures
{
    private ReferenceFeatures(double scale, Point2f[] points, BinaryDescriptors descriptors)
    {
        Scale = scale;
        Points = points;
        Descriptors = descriptors;
    }

    /// <summary>Size of the page the features were found on / reference size.</summary>
    public double Scale { get; }

    public Point2f[] Points { get; }

    public BinaryDescriptors Descriptors { get; }

    /// <summary>Detects up to <paramref name="count"/> features on the ink of <paramref name="gray"/> (reference size) shrunk to <paramref name="scale"/>.</summary>
    public static ReferenceFeatures Of(Mat gray, double scale, int count)
    {
        using var small = new Mat();
        Cv2.Resize(gray, small, new Size(), scale, scale, InterpolationFlags.Area);
        using var ink = StructureImage.Ink(small);
        using var orb = ORB.Create(count);
        using var descriptors = new Mat();
        orb.DetectAndCompute(ink, null, out var keypoints, descriptors);
        return new ReferenceFeatures(scale, keypoints.Select(keypoint => keypoint.Pt).ToArray(), BinaryDescriptors.From(descriptors));
    }
}
