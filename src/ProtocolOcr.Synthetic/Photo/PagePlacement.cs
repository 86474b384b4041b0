using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// Where the page lands in the photo: the frame size and the page's corners in photo pixels, in page order
/// (top-left, top-right, bottom-right, bottom-left of the page as printed, wherever they end up in the frame).
/// </summary>
public sealed record PagePlacement(Size Frame, Point2f[] Corners)
{
    /// <summary>Reference-page pixels to photo pixels.</summary>
    public Mat Homography(Size referenceSize) =>
        Cv2.GetPerspectiveTransform(ReferenceCorners(referenceSize), Corners);

    /// <summary>Photo pixels per reference pixel, on average over the page.</summary>
    public double Scale(Size referenceSize) =>
        Math.Sqrt(Math.Abs(Cv2.ContourArea(Corners)) / ((double)referenceSize.Width * referenceSize.Height));

    public static Point2f[] ReferenceCorners(Size referenceSize) =>
    [
        new(0, 0), new(referenceSize.Width, 0), new(referenceSize.Width, referenceSize.Height), new(0, referenceSize.Height),
    ];
}
