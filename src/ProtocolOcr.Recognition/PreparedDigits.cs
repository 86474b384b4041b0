using OpenCvSharp;

namespace ProtocolOcr.Recognition;

/// <summary>A field crop cleaned for digit reading: black ink on white, box lines removed, padded; empty when no ink is left.</summary>
public sealed class PreparedDigits : IDisposable
{
    public PreparedDigits(Mat image, int inkComponents)
    {
        Image = image;
        InkComponents = inkComponents;
    }

    public Mat Image { get; }

    public int InkComponents { get; }

    public bool IsEmpty => InkComponents == 0;

    public void Dispose() => Image.Dispose();
}
