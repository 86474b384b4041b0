using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Synthetic.Generation;

/// <summary>
/// One photo to make. <see cref="ViolationRate"/> is the fraction of protocols whose own arithmetic is broken on purpose.
/// For <see cref="CaptureLevel.Bad"/>, the kind of badness cycles with <see cref="Index"/> so every set is balanced.
/// </summary>
public sealed record PhotoRequest(CaptureLevel Level, HandStyle Hand, int Seed, int Index, double ViolationRate = 0.05)
{
    public BadPhotoKind? BadKind => Level == CaptureLevel.Bad ? (BadPhotoKind)(Index % Enum.GetValues<BadPhotoKind>().Length) : null;

    public string Name => $"{Level.ToString().ToLowerInvariant()}_{Hand.ToString().ToLowerInvariant()}_s{Seed}_{Index:D4}";
}
