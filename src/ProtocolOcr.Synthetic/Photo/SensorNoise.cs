using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>Gaussian sensor noise per pixel and channel, with standard deviation in 8-bit levels.</summary>
public static class SensorNoise
{
    public static void Apply(Mat frame, double sigma, Random random)
    {
        if (sigma <= 0)
        {
            return;
        }

        using var noise = new Mat(frame.Size(), MatType.CV_16SC3);
        SmoothNoise.NativeGenerator(random).Fill(noise, DistributionType.Normal, Scalar.All(0), Scalar.All(sigma));
        // Same-type addition in 16 bits: OpenCV's mixed-type add (8-bit plus 16-bit) is several times slower.
        using var wide = new Mat();
        frame.ConvertTo(wide, MatType.CV_16SC3);
        Cv2.Add(wide, noise, wide);
        wide.ConvertTo(frame, MatType.CV_8UC3);
    }
}
