using OpenCvSharp;

namespace ProtocolOcr.Recognition;

/// <summary>
/// The median grey of an 8-bit single-channel image (the element at index n/2 of its sorted pixels), counted in a
/// 256-bin histogram: a field crop's paper level, found in one pass instead of sorting its pixels twice per field.
/// </summary>
public static class GreyMedian
{
    public static byte Of(Mat gray)
    {
        if (gray.Type() != MatType.CV_8UC1 || gray.Empty())
        {
            throw new ArgumentException("The median grey needs a non-empty 8-bit single-channel image.", nameof(gray));
        }

        gray.GetArray(out byte[] values);
        Span<int> counts = stackalloc int[256];
        foreach (var value in values)
        {
            counts[value]++;
        }

        var rank = values.Length / 2;
        var seen = 0;
        for (var level = 0; level < counts.Length; level++)
        {
            seen += counts[level];
            if (seen > rank)
            {
                return (byte)level;
            }
        }

        throw new InvalidOperationException("A histogram's counts summed to fewer than its pixels.");
    }
}
