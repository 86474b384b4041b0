using OpenCvSharp;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// One ink group of a field (a connected piece with the short strokes that belong to it) and the ways it may be read:
/// <see cref="Options"/>[0] is the group as one digit; the others cut it into 2 or more digits (touching digits).
/// <see cref="WidthInDigits"/> is its width over the width expected of one digit at the field's digit height.
/// Digit images are dark ink on white (CV_8UC1); disposing the group disposes them.
/// </summary>
public sealed class DigitGroup : IDisposable
{
    public DigitGroup(Rect bounds, double widthInDigits, IReadOnlyList<IReadOnlyList<Mat>> options)
    {
        Bounds = bounds;
        WidthInDigits = widthInDigits;
        Options = options;
    }

    public Rect Bounds { get; }

    public double WidthInDigits { get; }

    public IReadOnlyList<IReadOnlyList<Mat>> Options { get; }

    public void Dispose()
    {
        foreach (var image in Options.SelectMany(option => option))
        {
            image.Dispose();
        }
    }
}
