using OpenCvSharp;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// One ink group of a field (a connected piece with the short strokes that belong to it) and the ways it may be read:
/// <see cref="Options"/>[0] is the group as one digit; the others cut it into 2 or more digits (touching digits).
/// <see cref="WidthInDigits"/> is its width over the width expected of one digit at the field's digit height.
/// <see cref="Rivals"/>: cuts that leave a piece too short to be a digit; never the reading, but their weight counts
/// against the options', so a group that a cut would have read otherwise does not look sure.
/// Digit images are dark ink on white (CV_8UC1); disposing the group disposes them.
/// </summary>
public sealed class DigitGroup : IDisposable
{
    public DigitGroup(Rect bounds, double widthInDigits, IReadOnlyList<IReadOnlyList<Mat>> options, IReadOnlyList<IReadOnlyList<Mat>> rivals)
    {
        Bounds = bounds;
        WidthInDigits = widthInDigits;
        Options = options;
        Rivals = rivals;
    }

    public Rect Bounds { get; }

    public double WidthInDigits { get; }

    public IReadOnlyList<IReadOnlyList<Mat>> Options { get; }

    public IReadOnlyList<IReadOnlyList<Mat>> Rivals { get; }

    public void Dispose()
    {
        foreach (var image in Options.Concat(Rivals).SelectMany(option => option))
        {
            image.Dispose();
        }
    }
}
