using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// An ink mask (CV_32FC1, 0..1) of one digit, already sized and slanted. <see cref="MnistIndex"/> is the index
/// in its MNIST class when it came from MNIST (always a Test-part index), null for font digits.
/// </summary>
public sealed record DigitGlyph(int Digit, Mat Ink, int? MnistIndex) : IDisposable
{
    public void Dispose() => Ink.Dispose();
}
