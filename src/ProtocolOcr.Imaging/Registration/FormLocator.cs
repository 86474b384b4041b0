using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Page;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// Stage 2b: decides where the expected form lies in the photo, or why it cannot be read. The page detector's outline
/// (or its rejection) is only a hint: a page is accepted when its printed structure registers to the form's reference
/// with a score of at least <see cref="MinScore"/>, whatever the outline detector said; then a page whose corners lie
/// outside the photo is cut off. A photo that does not register is rejected as the detector said (no page, cut off),
/// or, when a page was found, as another known form (<c>template_mismatch</c>) or as no protocol at all.
/// </summary>
public sealed class FormLocator
{
    /// <summary>Calibrated on DEV (seeds 100-102): good photos registered 0.69-0.94, wrong fits and other documents 0.10-0.25.</summary>
    public const double MinScore = 0.45;

    /// <summary>A fit at or above this is sure (DEV good photos 0.69-0.94); below it the registrar tried every start.</summary>
    public const double SureScore = FormRegistrar.ConfidentScore;

    /// <summary>
    /// A photo that registers to another form almost as well as (or better than) to this one after starting from that
    /// fit is this form: only a clearly better fit to another form is a mismatch.
    /// </summary>
    private const double SameLayoutMargin = 0.05;

    /// <summary>How far outside the photo a page corner may lie (fraction of the photo's long side) before it is cut off.</summary>
    private const double CornerOutsideFraction = 0.01;

    private readonly FormRegistrar _registrar = new(acceptScore: MinScore + 0.1);
    private readonly FormReferences _references;

    public FormLocator(FormReferences references) => _references = references;

    public RegisteredPage Locate(DecodedPhoto photo, PageImage? page, PhotoRejectedException? pageRejection, FormReference reference)
    {
        using var levels = PhotoLevels.Of(photo, FormRegistrar.PhotoLongSide);
        var registered = _registrar.Register(levels, page?.Quad, reference);
        if (registered is not null && registered.Score >= MinScore)
        {
            return Accepted(registered, photo);
        }

        if (pageRejection is not null && (pageRejection.Code != ReasonCodes.PageCutOff || LooksLikeTheForm(registered)))
        {
            throw pageRejection;
        }

        var other = _references.AllBut(reference.FormId)
            .Select(candidate => (candidate.FormId, Registered: _registrar.Register(levels, page?.Quad, candidate)))
            .Where(candidate => candidate.Registered is { Score: >= MinScore })
            .OrderByDescending(candidate => candidate.Registered!.Score)
            .FirstOrDefault();
        if (other.Registered is not null)
        {
            // Forms sharing a layout: the other form's fit is a good start for this one, which may have missed its own.
            var retried = _registrar.Register(levels, other.Registered, reference);
            if (retried.Score >= MinScore && retried.Score >= other.Registered.Score - SameLayoutMargin)
            {
                return Accepted(retried, photo);
            }

            throw new PhotoRejectedException(
                ReasonCodes.TemplateMismatch,
                $"This photo shows the protocol form '{other.FormId}', not '{reference.FormId}': upload it for the election it belongs to.");
        }

        throw new PhotoRejectedException(
            ReasonCodes.NotAProtocol,
            $"The page does not look like the protocol form '{reference.FormId}': photograph the precinct's result protocol itself.");
    }

    /// <summary>
    /// Some of the form's structure was found (a fit the registrar would refine): the outline detector's page_cut_off
    /// stands. With none at all, a sheet running out of the frame is another document, not a protocol cut off (no sheet
    /// at all stays page_not_found): a protocol cut
    /// by a quarter to almost half still matches (DEV bad, seed 214: 14 of 15 cut-off protocols registered and one
    /// scored 0.44; 4 handwritten notes whose sheet touched the frame had no fit at all and were called cut off).
    /// </summary>
    private static bool LooksLikeTheForm(RegisteredPage? registered) => registered is { Score: >= FormRegistrar.MinCoarseScore };

    private static RegisteredPage Accepted(RegisteredPage registered, DecodedPhoto photo) =>
        RunsOutOfThePhoto(registered.PageCorners, photo) ? throw PageDetector.CutOff() : registered;

    private static bool RunsOutOfThePhoto(Point2f[] corners, DecodedPhoto photo)
    {
        double slack = CornerOutsideFraction * Math.Max(photo.Width, photo.Height);
        return corners.Any(corner =>
            corner.X < -slack || corner.Y < -slack || corner.X > photo.Width - 1 + slack || corner.Y > photo.Height - 1 + slack);
    }
}
