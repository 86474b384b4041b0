namespace ProtocolOcr.Synthetic.Generation;

/// <summary>
/// One independent, reproducible random stream per photo, from the run's seed and the photo's index (SplitMix64
/// mixing; never <see cref="HashCode"/>, which differs between processes). Photos can thus be made in any order or in
/// parallel and still come out byte-identical.
/// </summary>
public static class PhotoSeed
{
    public static Random Create(int seed, int index)
    {
        var state = unchecked(((ulong)(uint)seed << 32) ^ (uint)index);
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        state = unchecked((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9UL);
        state = unchecked((state ^ (state >> 27)) * 0x94D049BB133111EBUL);
        state ^= state >> 31;
        return new Random((int)(state & 0x7FFFFFFF));
    }
}
