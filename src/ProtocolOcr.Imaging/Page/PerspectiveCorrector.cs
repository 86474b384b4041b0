using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Registration;

namespace ProtocolOcr.Imaging.Page;

/// <summary>Stage 3: maps the page quad onto the form's reference rectangle (portrait, reference pixels).</summary>
public sealed class PerspectiveCorrector
{
    public AlignedPage Align(PageImage page, PageSize referenceSize)
    {
        var target = new[]
        {
            new Point2f(0, 0),
            new Point2f(referenceSize.Width - 1, 0),
            new Point2f(referenceSize.Width - 1, referenceSize.Height - 1),
            new Point2f(0, referenceSize.Height - 1),
        };
        using var transform = Cv2.GetPerspectiveTransform(page.Quad.Corners, target);
        var aligned = new Mat();
        Cv2.WarpPerspective(
            page.Photo.Image, aligned, transform, new Size(referenceSize.Width, referenceSize.Height),
            InterpolationFlags.Linear, BorderTypes.Replicate);
        return new AlignedPage(aligned);
    }

    /// <summary>Warps the photo onto the reference page by the registration's homography, once, at full resolution.</summary>
    public AlignedPage Align(DecodedPhoto photo, RegisteredPage registered)
    {
        using var homography = registered.ToMat();
        var aligned = new Mat();
        Cv2.WarpPerspective(
            photo.Image, aligned, homography, registered.ReferenceSize,
            InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Replicate);
        return new AlignedPage(aligned);
    }
}
