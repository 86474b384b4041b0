using OpenCvSharp;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// HOG descriptor of a <see cref="NormalizedDigit"/>: 28x28 window, 14x14 blocks, stride 7, 7x7 cells, 9 bins
/// (324 values). Shared by training and classification.
/// </summary>
public static class DigitFeatures
{
    public const int Length = 324;

    public static float[] Compute(NormalizedDigit digit)
    {
        ArgumentNullException.ThrowIfNull(digit);
        using var pixels = Mat.FromPixelData(NormalizedDigit.Side, NormalizedDigit.Side, MatType.CV_32FC1, digit.Pixels);
        using var bytes = new Mat();
        pixels.ConvertTo(bytes, MatType.CV_8UC1, 255);
        // HOGDescriptor keeps no state between calls, but one per call keeps this trivially thread-safe; it costs microseconds.
        using var hog = new HOGDescriptor(
            new Size(NormalizedDigit.Side, NormalizedDigit.Side), new Size(14, 14), new Size(7, 7), new Size(7, 7), 9);
        var features = hog.Compute(bytes);
        if (features.Length != Length)
        {
            throw new InvalidOperationException($"HOG gave {features.Length} values, expected {Length}.");
        }

        return features;
    }

    /// <summary>Rows of features as one CV_32FC1 matrix (one row per digit), as OpenCV's ml models take them.</summary>
    public static Mat ToMatrix(IReadOnlyList<float[]> rows)
    {
        var values = new float[rows.Count * Length];
        for (var row = 0; row < rows.Count; row++)
        {
            rows[row].CopyTo(values, row * Length);
        }

        using var view = Mat.FromPixelData(rows.Count, Length, MatType.CV_32FC1, values);
        return view.Clone();
    }
}
