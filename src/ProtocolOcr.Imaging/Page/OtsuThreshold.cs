namespace ProtocolOcr.Imaging.Page;

/// <summary>Otsu's threshold computed from a grey-level histogram, so it can be taken over part of the levels.</summary>
internal static class OtsuThreshold
{
    /// <summary>C's FLT_EPSILON, as OpenCV's Otsu uses it (C#'s float.Epsilon is the smallest subnormal instead).</summary>
    private const double FloatEpsilon = 1.1920929e-7;

    /// <summary>
    /// Otsu's threshold (OpenCV's computation) over the grey levels from <paramref name="lowest"/> up: the level that
    /// best splits them into two classes, or null when no level is there.
    /// </summary>
    public static int? Level(float[] histogram, int lowest)
    {
        double count = 0;
        double sum = 0;
        for (int level = lowest; level < histogram.Length; level++)
        {
            count += histogram[level];
            sum += level * (double)histogram[level];
        }

        if (count == 0)
        {
            return null;
        }

        double mean = sum / count;
        double lowerShare = 0;
        double lowerMean = 0;
        double bestSpread = 0;
        int best = 0;
        for (int level = 0; level < histogram.Length; level++)
        {
            double share = level >= lowest ? histogram[level] / count : 0;
            lowerMean *= lowerShare;
            lowerShare += share;
            double upperShare = 1 - lowerShare;
            if (Math.Min(lowerShare, upperShare) < FloatEpsilon || Math.Max(lowerShare, upperShare) > 1 - FloatEpsilon)
            {
                continue;
            }

            lowerMean = (lowerMean + (level * share)) / lowerShare;
            double upperMean = (mean - (lowerShare * lowerMean)) / upperShare;
            double spread = lowerShare * upperShare * (lowerMean - upperMean) * (lowerMean - upperMean);
            if (spread > bestSpread)
            {
                bestSpread = spread;
                best = level;
            }
        }

        return best;
    }
}
