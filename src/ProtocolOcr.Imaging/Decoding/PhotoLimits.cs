namespace ProtocolOcr.Imaging.Decoding;

/// <summary>
/// Size bounds checked from the file header before any pixel is decoded, and the long side photos are reduced to.
/// The reference page is 1654x2339, so a page in a photo of this long side keeps more detail than it needs. A 12 MP
/// photo (4000-4032 px) is kept at its own size: reducing it to 3000 px cost ~9 core-ms of resampling on photos that
/// every later stage then resamples again (the preview and the registration levels averaged down, the fields warped
/// onto the reference), and read no better (DEV phone handwritten 211, hard 223, phone printed 256).
/// </summary>
public sealed record PhotoLimits(
    int MaxSide = 20_000,
    long MaxPixels = 120_000_000,
    int MinLongSide = 800,
    int WorkingLongSide = 4096)
{
    public static PhotoLimits Default { get; } = new();
}
