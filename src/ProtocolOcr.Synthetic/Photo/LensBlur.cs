using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>Defocus (Gaussian) and camera shake (a line kernel), sized in photo pixels.</summary>
public static class LensBlur
{
    public static void Defocus(Mat frame, double sigma)
    {
        if (sigma >= 0.3)
        {
            Cv2.GaussianBlur(frame, frame, new Size(0, 0), sigma);
        }
    }

    public static void Motion(Mat frame, double length, double angleDegrees)
    {
        var size = (int)Math.Round(length) | 1;
        if (size < 3)
        {
            return;
        }

        using var kernel = new Mat(size, size, MatType.CV_32FC1, Scalar.All(0));
        var half = size / 2.0;
        var angle = angleDegrees * Math.PI / 180;
        var dx = Math.Cos(angle) * half;
        var dy = Math.Sin(angle) * half;
        Cv2.Line(kernel, new Point((int)Math.Round(half - dx), (int)Math.Round(half - dy)),
            new Point((int)Math.Round(half + dx), (int)Math.Round(half + dy)), Scalar.All(1), 1, LineTypes.AntiAlias);
        var sum = Cv2.Sum(kernel).Val0;
        kernel.ConvertTo(kernel, MatType.CV_32FC1, 1 / sum);
        Cv2.Filter2D(frame, frame, -1, kernel);
    }
}
