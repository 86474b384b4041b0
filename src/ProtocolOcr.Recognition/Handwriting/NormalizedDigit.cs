namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// A digit in the MNIST convention: 28x28 intensities 0..1, white ink on black, row-major, the ink's bounding box
/// scaled to fit 20x20, its centre of mass at the centre, slant removed. Made only by <see cref="DigitNormalizer"/>.
/// </summary>
public sealed class NormalizedDigit
{
    public const int Side = 28;

    internal NormalizedDigit(float[] pixels) => Pixels = pixels;

    public float[] Pixels { get; }
}
