using OpenCvSharp;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// Where the form lies in the photo: the homography from reference-page pixels to decoded-photo pixels (3x3, row
/// major), the registration's quality (ECC correlation of the printed structure, 0-1) and how the coarse fit was found.
/// </summary>
public sealed record RegisteredPage(double[] ReferenceToPhoto, double Score, RegistrationStart Start, Size ReferenceSize)
{
    /// <summary>The reference page's corners (top-left, top-right, bottom-right, bottom-left) in decoded-photo pixels.</summary>
    public Point2f[] PageCorners => Map(
    [
        new Point2f(0, 0), new Point2f(ReferenceSize.Width, 0), new Point2f(ReferenceSize.Width, ReferenceSize.Height),
        new Point2f(0, ReferenceSize.Height),
    ]);

    public Point2f[] Map(Point2f[] referencePoints)
    {
        using var homography = ToMat();
        return Cv2.PerspectiveTransform(referencePoints, homography);
    }

    /// <summary>The homography as a CV_64F 3x3 matrix (caller disposes).</summary>
    public Mat ToMat() => Mat.FromPixelData(3, 3, MatType.CV_64FC1, ReferenceToPhoto).Clone();
}
