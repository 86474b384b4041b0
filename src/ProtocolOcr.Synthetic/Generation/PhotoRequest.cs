using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Synthetic.Generation;

/// <summary>
/// One photo to make. <see cref="ViolationRate"/> is the fraction of protocols whose own arithmetic is broken on purpose.
/// For <see cref="CaptureLevel.Bad"/>, the kind of badness cycles with <see cref="Index"/> so every set is balanced.
/// <see cref="MaxMegapixels"/> caps the level's resolution (for small committed samples); it is applied after every
/// random draw, so capping changes only the pixel count, never the scene.
/// </summary>
public sealed record PhotoRequest(
    CaptureLevel Level, HandStyle Hand, int Seed, int Index, double ViolationRate = 0.05, double? MaxMegapixels = null)
{
    public BadPhotoKind? BadKind => Level == CaptureLevel.Bad ? (BadPhotoKind)(Index % Enum.GetValues<BadPhotoKind>().Length) : null;

    /// <summary>The photo's file name without extension: unique per form, level, hand, seed and index.</summary>
    public string NameFor(string formId) => $"{formId}_{Level.ToString().ToLowerInvariant()}_{Hand.ToString().ToLowerInvariant()}_s{Seed}_{Index:D4}";
}
