using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Synthetic.Generation;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>
/// How far the pipeline's registration puts the fields from where they truly are, in reference-page pixels (200 dpi:
/// 8 px = 1 mm). Truth and pipeline both give the reference page's corners in the photo. Each truth field box is taken
/// to the reference page by the truth, sent into the photo by the pipeline's corners, and brought back by the truth:
/// the error is the largest corner displacement over every field.
/// </summary>
public static class RegistrationCheck
{
    /// <summary>Null when it cannot be measured: no page or fields in the truth, or no corners from the pipeline.</summary>
    public static double? WorstFieldError(PhotoTruth truth, IReadOnlyList<PhotoPoint>? found)
    {
        if (truth.PageCorners is not { Count: 4 } || found is not { Count: 4 } || truth.Fields.Count == 0)
        {
            return null;
        }

        Point2f[] reference =
        [
            new(0, 0), new(truth.ReferenceWidth, 0), new(truth.ReferenceWidth, truth.ReferenceHeight), new(0, truth.ReferenceHeight),
        ];
        using var truthToReference = Cv2.GetPerspectiveTransform(truth.PageCorners.Select(ToPoint), reference);
        using var referenceToFound = Cv2.GetPerspectiveTransform(reference, found.Select(point => new Point2f((float)point.X, (float)point.Y)));

        var worst = 0.0;
        foreach (var field in truth.Fields)
        {
            var onReference = Cv2.PerspectiveTransform(field.Box.Select(ToPoint), truthToReference);
            var predicted = Cv2.PerspectiveTransform(Cv2.PerspectiveTransform(onReference, referenceToFound), truthToReference);
            for (var i = 0; i < onReference.Length; i++)
            {
                var dx = predicted[i].X - onReference[i].X;
                var dy = predicted[i].Y - onReference[i].Y;
                worst = Math.Max(worst, Math.Sqrt(dx * dx + dy * dy));
            }
        }

        return worst;
    }

    private static Point2f ToPoint(TruthPoint point) => new((float)point.X, (float)point.Y);
}
