using OpenCvSharp;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// Homographies from reference-page pixels to decoded-photo pixels, moved to and from a registration level where the
/// reference and the photo are each scaled by their own factor.
/// </summary>
internal static class LevelHomography
{
    /// <summary>
    /// Full-size homography to one level's (photo scaled by <paramref name="photoScale"/>, reference by
    /// <paramref name="referenceScale"/>): diag(p, p, 1) * H * diag(1/r, 1/r, 1).
    /// </summary>
    public static Mat ToLevel(double[] referenceToPhoto, double referenceScale, double photoScale) =>
        Scaled(referenceToPhoto, photoScale, 1 / referenceScale);

    public static Mat FromLevel(Mat level, double referenceScale, double photoScale) =>
        Scaled(ToArray(level), 1 / photoScale, referenceScale);

    private static Mat Scaled(double[] homography, double rowFactor, double columnFactor)
    {
        var scaled = new Mat(3, 3, MatType.CV_64FC1);
        for (int row = 0; row < 3; row++)
        {
            for (int column = 0; column < 3; column++)
            {
                double left = row < 2 ? rowFactor : 1;
                double right = column < 2 ? columnFactor : 1;
                scaled.Set(row, column, left * homography[(row * 3) + column] * right);
            }
        }

        return scaled;
    }

    public static double[] ToArray(Mat homography)
    {
        var values = new double[9];
        for (int row = 0; row < 3; row++)
        {
            for (int column = 0; column < 3; column++)
            {
                values[(row * 3) + column] = homography.At<double>(row, column);
            }
        }

        return values;
    }
}
