namespace ProtocolOcr.Imaging.Decoding;

/// <summary>
/// Size bounds checked from the file header before any pixel is decoded, and the long side photos are reduced to.
/// The reference page is 1654x2339, so a long side of 3000 keeps more detail than the page needs.
/// </summary>
public sealed record PhotoLimits(
    int MaxSide = 20_000,
    long MaxPixels = 120_000_000,
    int MinLongSide = 800,
    int WorkingLongSide = 3000)
{
    public static PhotoLimits Default { get; } = new();
}
