using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Imaging.Registration;

namespace ProtocolOcr.Pipeline;

/// <summary>
/// Where the reference page's corners (top-left, top-right, bottom-right, bottom-left of the upright form) lie in the
/// uploaded photo's pixels, upright (EXIF orientation applied, as a browser shows it): the detected quad scaled back from
/// the decoded size, turned half round when the orientation stage turned the page.
/// </summary>
public static class PageCornersInPhoto
{
    public static IReadOnlyList<PhotoPoint> Of(PageImage page, bool turnedHalfRound)
    {
        var scale = page.Photo.SourceScale;
        var quad = page.Quad;
        var corners = turnedHalfRound
            ? new[] { quad.BottomRight, quad.BottomLeft, quad.TopLeft, quad.TopRight }
            : quad.Corners;
        return corners.Select(c => new PhotoPoint(c.X * scale, c.Y * scale)).ToList();
    }

    /// <summary>The registration's reference corners, scaled back from the decoded size.</summary>
    public static IReadOnlyList<PhotoPoint> Of(DecodedPhoto photo, RegisteredPage registered)
    {
        var scale = photo.SourceScale;
        return registered.PageCorners.Select(c => new PhotoPoint(c.X * scale, c.Y * scale)).ToList();
    }
}
