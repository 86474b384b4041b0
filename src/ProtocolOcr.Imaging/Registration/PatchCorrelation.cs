using System.Numerics;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// Normalised cross-correlation of a small template at every offset inside a slightly larger window, in managed code:
/// for patches this small OpenCV's matchTemplate (a DFT per call) costs about 20 times more.
/// </summary>
internal static class PatchCorrelation
{
    /// <summary>The template made zero-mean and unit-norm (all zeros when it is flat).</summary>
    public static float[] Normalised(float[] template)
    {
        float mean = template.Average();
        var centred = template.Select(value => value - mean).ToArray();
        double norm = Math.Sqrt(centred.Sum(value => (double)value * value));
        return norm > 0 ? centred.Select(value => (float)(value / norm)).ToArray() : new float[template.Length];
    }

    /// <summary>
    /// Fills <paramref name="result"/> ((window - patch + 1) squared, row major) with the correlation coefficient of the
    /// window's patch-sized piece at each offset and the normalised template.
    /// </summary>
    public static void Compute(float[] window, int windowSize, float[] normalisedTemplate, int patchSize, float[] result)
    {
        int offsets = windowSize - patchSize + 1;
        int count = patchSize * patchSize;
        for (int top = 0; top < offsets; top++)
        {
            for (int left = 0; left < offsets; left++)
            {
                var dot = Vector<float>.Zero;
                var sum = Vector<float>.Zero;
                var squares = Vector<float>.Zero;
                float dotTail = 0, sumTail = 0, squaresTail = 0;
                for (int row = 0; row < patchSize; row++)
                {
                    var pixels = window.AsSpan(((top + row) * windowSize) + left, patchSize);
                    var weights = normalisedTemplate.AsSpan(row * patchSize, patchSize);
                    int column = 0;
                    for (; column <= patchSize - Vector<float>.Count; column += Vector<float>.Count)
                    {
                        var value = new Vector<float>(pixels[column..]);
                        dot += value * new Vector<float>(weights[column..]);
                        sum += value;
                        squares += value * value;
                    }

                    for (; column < patchSize; column++)
                    {
                        dotTail += pixels[column] * weights[column];
                        sumTail += pixels[column];
                        squaresTail += pixels[column] * pixels[column];
                    }
                }

                double total = Vector.Sum(sum) + sumTail;
                double spread = Vector.Sum(squares) + squaresTail - (total * total / count);
                result[(top * offsets) + left] = spread > 1e-12 ? (float)((Vector.Sum(dot) + dotTail) / Math.Sqrt(spread)) : 0;
            }
        }
    }
}
