using OpenCvSharp;
using ProtocolOcr.Imaging.Decoding;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// One photo prepared for registration: grey at the fine working size (one pass over the full-resolution pixels) and
/// its structure at the fine and coarse levels, and its ORB features once asked for, shared by every start and every
/// form the photo is tried against.
/// </summary>
internal sealed class PhotoLevels : IDisposable
{
    private (KeyPoint[] Points, BinaryDescriptors Descriptors)? _features;

    private PhotoLevels(DecodedPhoto photo, double fineScale, Mat fineGray, Mat fine, Mat coarse)
    {
        Photo = photo;
        FineScale = fineScale;
        FineGray = fineGray;
        Fine = fine;
        Coarse = coarse;
    }

    public DecodedPhoto Photo { get; }

    /// <summary>Fine level size / decoded photo size.</summary>
    public double FineScale { get; }

    public double CoarseScale => FineScale / 2;

    public Mat FineGray { get; }

    public Mat Fine { get; }

    public Mat Coarse { get; }

    /// <param name="fineLongSide">
    /// The fine level's long side in pixels, roughly: the photo is shrunk by the nearest whole factor (OpenCV's area
    /// resampling is several times faster for those), never enlarged.
    /// </param>
    public static PhotoLevels Of(DecodedPhoto photo, int fineLongSide)
    {
        int factor = Math.Max(1, (int)Math.Round((double)Math.Max(photo.Width, photo.Height) / fineLongSide));
        double fineScale = 1.0 / factor;
        using var small = new Mat();
        Cv2.Resize(photo.Image, small, new Size(), fineScale, fineScale, InterpolationFlags.Area);
        var fineGray = new Mat();
        PhotoPreview.ToGray(small, fineGray);
        return new PhotoLevels(photo, fineScale, fineGray, StructureImage.Of(fineGray, 1.0), StructureImage.Of(fineGray, 0.5));
    }

    /// <summary>
    /// ORB features of the fine level's ink (<see cref="StructureImage.Ink"/>), found on first use: a photo that is
    /// no form is matched against every shipped form, and the photo side of the matching is the same each time.
    /// </summary>
    public (KeyPoint[] Points, BinaryDescriptors Descriptors) Features()
    {
        if (_features is null)
        {
            using var orb = ORB.Create(FormReference.FeatureCount);
            using var ink = StructureImage.Ink(FineGray);
            using var descriptors = new Mat();
            orb.DetectAndCompute(ink, null, out var points, descriptors);
            _features = (points, BinaryDescriptors.From(descriptors));
        }

        return _features.Value;
    }

    public void Dispose()
    {
        FineGray.Dispose();
        Fine.Dispose();
        Coarse.Dispose();
    }
}
