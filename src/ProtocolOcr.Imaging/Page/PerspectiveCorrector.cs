using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Registration;

namespace ProtocolOcr.Imaging.Page;

/// <summary>Stage 3: places the form's reference rectangle (portrait, reference pixels) in the photo.</summary>
public sealed class PerspectiveCorrector
{
    /// <summary>The page quad's corners as the reference page's corners.</summary>
    public AlignedPage Align(PageImage page, PageSize referenceSize)
    {
        var corners = new[]
        {
            new Point2f(0, 0),
            new Point2f(referenceSize.Width - 1, 0),
            new Point2f(referenceSize.Width - 1, referenceSize.Height - 1),
            new Point2f(0, referenceSize.Height - 1),
        };
        using var pageToPhoto = Cv2.GetPerspectiveTransform(corners, page.Quad.Corners);
        pageToPhoto.GetArray(out double[] map);
        return AlignedPage.InPhoto(page.Photo.Image, map, new Size(referenceSize.Width, referenceSize.Height));
    }

    /// <summary>The page by the registration's homography.</summary>
    public AlignedPage Align(DecodedPhoto photo, RegisteredPage registered) =>
        AlignedPage.InPhoto(photo.Image, registered.ReferenceToPhoto, registered.ReferenceSize);
}
