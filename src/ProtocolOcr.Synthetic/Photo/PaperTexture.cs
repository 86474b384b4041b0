using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>Makes white paper look like paper: a slight warm or cool tint, blotchy brightness and fine grain.</summary>
public static class PaperTexture
{
    public static void Apply(Mat page, Random random)
    {
        var warmth = random.NextDouble() * 0.06;
        var tint = new Scalar(1 - warmth, 1 - warmth * 0.4, 1);
        var blotchAmount = 0.02 + random.NextDouble() * 0.05;
        using var blotches = SmoothNoise.Create(page.Size(), 6 + random.Next(10), random);
        using var gain = new Mat();
        blotches.ConvertTo(gain, MatType.CV_32FC1, blotchAmount, 1 - blotchAmount);
        using var grain = new Mat(page.Size(), MatType.CV_32FC1);
        SmoothNoise.NativeGenerator(random).Fill(grain, DistributionType.Normal, new Scalar(0), new Scalar(0.012));
        Cv2.Add(gain, grain, gain);
        GainMap.Apply(page, gain, tint);
    }
}
