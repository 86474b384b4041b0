using ProtocolOcr.Core.Forms;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Recognition;

namespace ProtocolOcr.Pipeline;

/// <summary>
/// Stage 3b: turns an aligned page that lies upside down (a photo taken from the other side of the table, or a
/// sideways page named portrait the wrong way round) the right way up. It reads a few fields that every protocol
/// fills in, both ways up, and keeps the way that reads more confidently; upright wins ties. Measured without it:
/// an upside-down page read most fields as nothing, but one as "714" at 0.89 confidence.
/// </summary>
public sealed class PageOrientation
{
    private const int ProbeFields = 4;

    private readonly FieldCropper _cropper;
    private readonly IFieldReader _reader;

    public PageOrientation(FieldCropper cropper, IFieldReader reader)
    {
        _cropper = cropper;
        _reader = reader;
    }

    /// <summary>
    /// The page the right way up: <paramref name="aligned"/> itself, or, when it reads better so, the page turned half
    /// round (sharing its photo).
    /// </summary>
    public (AlignedPage Page, bool Turned) MakeUpright(AlignedPage aligned, FormDefinition form, CancellationToken cancellationToken)
    {
        var probe = ProbeForm(form);
        double uprightScore = Score(aligned, probe, cancellationToken);
        if (probe.Fields.Count == 0 || uprightScore >= probe.Fields.Count * 0.9)
        {
            return (aligned, false);
        }

        var turned = aligned.TurnedHalfRound();
        if (Score(turned, probe, cancellationToken) <= uprightScore)
        {
            turned.Dispose();
            return (aligned, false);
        }

        return (turned, true);
    }

    private static FormDefinition ProbeForm(FormDefinition form) => form with
    {
        Fields = form.Fields.Where(f => f.Kind == FieldKind.Count && !f.Optional).Take(ProbeFields).ToList(),
    };

    /// <summary>Sum of the probe fields' confidences; a field with no value read counts 0.</summary>
    private double Score(AlignedPage page, FormDefinition probe, CancellationToken cancellationToken)
    {
        var crops = _cropper.Crop(page, probe);
        try
        {
            return crops.Select(crop => _reader.Read(crop, cancellationToken)).Sum(reading => reading.Value is null ? 0 : reading.Confidence);
        }
        finally
        {
            foreach (var crop in crops)
            {
                crop.Dispose();
            }
        }
    }
}
