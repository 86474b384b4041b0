using System.Numerics;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// ORB descriptors (256 bits each) packed as four 64-bit words, matched by brute force on the processor's popcount:
/// exactly the pairs OpenCV's <c>BFMatcher(Hamming).KnnMatch(k: 2)</c> and a ratio test keep, at about a fifth of its
/// cost (2000 x 2000 descriptors on DEV phone 211: ~9 against ~50 ms; the shipped OpenCV runtime's Hamming distance
/// is not vectorised). Read-only once made, so one instance serves several threads.
/// </summary>
public sealed class BinaryDescriptors
{
    private const int Words = 4;
    private const int Bytes = Words * sizeof(ulong);

    private readonly ulong[] _bits;

    private BinaryDescriptors(ulong[] bits) => _bits = bits;

    public int Count => _bits.Length / Words;

    /// <summary>Copies ORB's descriptor matrix (one 32-byte row per keypoint, CV_8U; empty when no keypoint was found).</summary>
    public static BinaryDescriptors From(Mat descriptors)
    {
        if (descriptors.Empty())
        {
            return new BinaryDescriptors([]);
        }

        if (descriptors.Type() != MatType.CV_8UC1 || descriptors.Cols != Bytes)
        {
            throw new ArgumentException(
                $"Expected {Bytes}-byte ORB descriptors (CV_8UC1), got {descriptors.Cols} columns of {descriptors.Type()}.", nameof(descriptors));
        }

        descriptors.GetArray(out byte[] bytes);
        return new BinaryDescriptors(MemoryMarshal.Cast<byte, ulong>(bytes).ToArray());
    }

    /// <summary>
    /// Each of these descriptors paired with its nearest one in <paramref name="train"/> (Hamming distance), kept only
    /// when that distance is below <paramref name="ratio"/> times the second nearest (Lowe's ratio test). A tie for the
    /// nearest never passes, so which of the tied ones would be named does not matter.
    /// </summary>
    public IReadOnlyList<(int Query, int Train)> RatioMatches(BinaryDescriptors train, float ratio)
    {
        var pairs = new List<(int Query, int Train)>();
        if (train.Count < 2)
        {
            return pairs;
        }

        ReadOnlySpan<ulong> candidates = train._bits;
        int candidateCount = train.Count;
        for (int query = 0; query < Count; query++)
        {
            ReadOnlySpan<ulong> descriptor = _bits.AsSpan(query * Words, Words);
            ulong a = descriptor[0], b = descriptor[1], c = descriptor[2], d = descriptor[3];
            int nearest = int.MaxValue, second = int.MaxValue, nearestIndex = -1;
            for (int index = 0; index < candidateCount; index++)
            {
                var other = candidates.Slice(index * Words, Words);
                int distance = BitOperations.PopCount(a ^ other[0]) + BitOperations.PopCount(b ^ other[1])
                    + BitOperations.PopCount(c ^ other[2]) + BitOperations.PopCount(d ^ other[3]);
                if (distance < nearest)
                {
                    second = nearest;
                    nearest = distance;
                    nearestIndex = index;
                }
                else if (distance < second)
                {
                    second = distance;
                }
            }

            if (nearest < ratio * second)
            {
                pairs.Add((query, nearestIndex));
            }
        }

        return pairs;
    }
}
