using OpenCvSharp;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// A small piece of a form's printed structure with corners or crossings in it (so it pins both directions), cut from
/// the reference at <see cref="FormReference.AnchorScale"/>: <see cref="Center"/> in that level's pixels, the
/// <see cref="AnchorPatches.PatchSize"/>-square template zero-mean and unit-norm, row major.
/// </summary>
internal sealed record AnchorPatch(Point2f Center, float[] Template);
