using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>A smooth random field (CV_32FC1, values 0..1): a coarse random grid upscaled bicubically.</summary>
public static class SmoothNoise
{
    public static Mat Create(Size size, int gridCells, Random random)
    {
        var columns = Math.Max(2, gridCells);
        var rows = Math.Max(2, (int)Math.Round(gridCells * (double)size.Height / size.Width));
        var values = new float[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.NextDouble();
        }

        using var grid = Mat.FromPixelData(rows, columns, MatType.CV_32FC1, values);
        var field = new Mat();
        Cv2.Resize(grid, field, size, 0, 0, InterpolationFlags.Cubic);
        Cv2.Threshold(field, field, 1, 1, ThresholdTypes.Trunc);
        Cv2.Threshold(field, field, 0, 0, ThresholdTypes.Tozero);
        return field;
    }

    /// <summary>A seed for OpenCV's own generator drawn from <paramref name="random"/>, so noise stays reproducible.</summary>
    public static RNG NativeGenerator(Random random) => new((ulong)random.NextInt64(1, long.MaxValue));
}
