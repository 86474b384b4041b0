using OpenCvSharp;
using ProtocolOcr.Imaging.Registration;
using ProtocolOcr.Synthetic.Generation;

namespace ProtocolOcr.Imaging.Tests;

/// <summary>
/// How far a registration puts the written fields from where they are, in reference pixels (8 px = 1 mm): each truth
/// field corner goes to the reference page by the truth, into the photo by the registration, and back by the truth.
/// Photos here are decoded at their stored size, so decoded and photo pixels are the same.
/// </summary>
internal static class RegistrationError
{
    public static double WorstFieldCorner(PhotoTruth truth, RegisteredPage registered)
    {
        Point2f[] reference =
        [
            new(0, 0), new(truth.ReferenceWidth, 0), new(truth.ReferenceWidth, truth.ReferenceHeight), new(0, truth.ReferenceHeight),
        ];
        var truthCorners = truth.PageCorners!.Select(p => new Point2f((float)p.X, (float)p.Y)).ToArray();
        using var photoToReference = Cv2.GetPerspectiveTransform(truthCorners, reference);
        var worst = 0.0;
        foreach (var field in truth.Fields)
        {
            var onReference = Cv2.PerspectiveTransform(field.Box.Select(p => new Point2f((float)p.X, (float)p.Y)), photoToReference);
            var back = Cv2.PerspectiveTransform(registered.Map(onReference), photoToReference);
            worst = Math.Max(worst, onReference.Zip(back, (a, b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2))).Max());
        }

        return worst;
    }
}
