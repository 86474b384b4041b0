using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Imaging.Quality;
using ProtocolOcr.Imaging.Registration;

namespace ProtocolOcr.Pipeline;

/// <summary>
/// For a photo the quality gate found soft but not surely blurred (<see cref="PhotoQualityGate.MayBeBlurred"/>): when no
/// page or no form is found in it, or the form only loosely (under <see cref="FormLocator.SureScore"/>), blur is the
/// likelier reason and the one the photographer can act on, so the photo is rejected as too_blurry. DEV: soft good hard
/// photos registered at 0.74-0.87; a blurred bad one that registered, at 0.56.
/// </summary>
public static class SoftPhotoCheck
{
    public static (AlignedPage Aligned, IReadOnlyList<PhotoPoint> Corners, double? Score) Align(
        PhotoQualityMeasures quality, Func<(AlignedPage Aligned, IReadOnlyList<PhotoPoint> Corners, double? Score)> align)
    {
        if (!PhotoQualityGate.MayBeBlurred(quality))
        {
            return align();
        }

        (AlignedPage Aligned, IReadOnlyList<PhotoPoint> Corners, double? Score) aligned;
        try
        {
            aligned = align();
        }
        catch (PhotoRejectedException rejection) when (rejection.Code is ReasonCodes.PageNotFound or ReasonCodes.NotAProtocol)
        {
            throw PhotoQualityGate.Blurred(rejection);
        }

        if (aligned.Score < FormLocator.SureScore)
        {
            aligned.Aligned.Dispose();
            throw PhotoQualityGate.Blurred();
        }

        return aligned;
    }
}
