using OpenCvSharp;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// What registration compares: the printed ink of a page (rules, box outlines, label text) as bright strokes on black,
/// free of shading, paper tint and exposure (a black-hat: closing minus the image), softened so the alignment error
/// surface is smooth over a few pixels. Photo and reference go through the same steps at a similar scale.
/// </summary>
internal static class StructureImage
{
    private static readonly Mat InkKernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(7, 7));

    /// <summary>The ink of a grey image as 8-bit bright strokes on black, stretched to the full range (for feature detection).</summary>
    public static Mat Ink(Mat gray)
    {
        using var ink = new Mat();
        Cv2.MorphologyEx(gray, ink, MorphTypes.BlackHat, InkKernel);
        var stretched = new Mat();
        Cv2.Normalize(ink, stretched, 0, 255, NormTypes.MinMax);
        return stretched;
    }

    /// <summary>A grey image scaled by <paramref name="scale"/> (area resampling), as CV_32F structure.</summary>
    public static Mat Of(Mat gray, double scale)
    {
        using var small = new Mat();
        Cv2.Resize(gray, small, new Size(), scale, scale, InterpolationFlags.Area);
        using var ink = new Mat();
        Cv2.MorphologyEx(small, ink, MorphTypes.BlackHat, InkKernel);
        var structure = new Mat();
        ink.ConvertTo(structure, MatType.CV_32FC1, 1 / 255.0);
        Cv2.GaussianBlur(structure, structure, new Size(5, 5), 1.2);
        return structure;
    }
}
