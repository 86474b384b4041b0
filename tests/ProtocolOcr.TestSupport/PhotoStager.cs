using ImageMagick;
using OpenCvSharp;

namespace ProtocolOcr.TestSupport;

/// <summary>
/// Turns a flat page into a phone-like photo: the page, rotated and in perspective, on a darker uneven table,
/// with a lighting gradient, slight blur and sensor noise, encoded as JPEG.
/// </summary>
public static class PhotoStager
{
    /// <param name="rotationDegrees">In-plane rotation of the page.</param>
    /// <param name="keystone">How much narrower the page's top edge is than its bottom (0..0.3).</param>
    public static StagedPhoto Stage(
        Mat page, int width = 3000, int height = 4000, double rotationDegrees = 7, double keystone = 0.08,
        double pageHeightFraction = 0.78, int seed = 1)
    {
        var corners = PageCorners(page, width, height, rotationDegrees, keystone, pageHeightFraction);
        using var photo = Table(width, height, seed);
        var source = new[]
        {
            new Point2f(0, 0), new Point2f(page.Width - 1, 0), new Point2f(page.Width - 1, page.Height - 1), new Point2f(0, page.Height - 1),
        };
        using var transform = Cv2.GetPerspectiveTransform(source, corners);
        using var warped = new Mat();
        Cv2.WarpPerspective(page, warped, transform, new Size(width, height));
        using var mask = new Mat(height, width, MatType.CV_8UC1, Scalar.Black);
        Cv2.FillConvexPoly(mask, corners.Select(p => new Point((int)Math.Round(p.X), (int)Math.Round(p.Y))).ToArray(), Scalar.White);
        warped.CopyTo(photo, mask);

        ApplyLightingAndNoise(photo, seed);
        Cv2.ImEncode(".jpg", photo, out byte[] bytes, [(int)ImwriteFlags.JpegQuality, 90]);
        return new StagedPhoto(bytes, corners, width, height);
    }

    /// <summary>
    /// Re-encodes a JPEG with its pixels turned a quarter clockwise and EXIF orientation 8 (rotate 90 CCW to view),
    /// as phones do, so a correct decoder gives back the original upright picture.
    /// </summary>
    public static byte[] WithExifRotation(byte[] jpeg)
    {
        using var image = new MagickImage(jpeg);
        image.Rotate(90);
        var exif = image.GetExifProfile() ?? new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)8);
        image.SetProfile(exif);
        // ImageMagick writes this property over the profile's tag on save.
        image.Orientation = Orientation.LeftBottom;
        image.Quality = 90;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    public static byte[] Reencode(byte[] jpeg, MagickFormat format)
    {
        using var image = new MagickImage(jpeg);
        image.Quality = 85;
        return image.ToByteArray(format);
    }

    private static Point2f[] PageCorners(Mat page, int width, int height, double rotationDegrees, double keystone, double pageHeightFraction)
    {
        double pageHeight = height * pageHeightFraction;
        double pageWidth = pageHeight * page.Width / page.Height;
        double halfTop = pageWidth * (1 - keystone) / 2;
        double halfBottom = pageWidth / 2;
        double halfHeight = pageHeight / 2;
        var local = new[] { (-halfTop, -halfHeight), (halfTop, -halfHeight), (halfBottom, halfHeight), (-halfBottom, halfHeight) };
        double angle = rotationDegrees * Math.PI / 180;
        double cx = width / 2.0;
        double cy = height / 2.0;
        return local.Select(p => new Point2f(
                (float)(cx + (p.Item1 * Math.Cos(angle)) - (p.Item2 * Math.Sin(angle))),
                (float)(cy + (p.Item1 * Math.Sin(angle)) + (p.Item2 * Math.Cos(angle)))))
            .ToArray();
    }

    private static Mat Table(int width, int height, int seed)
    {
        var table = new Mat(height, width, MatType.CV_8UC3, new Scalar(55, 70, 90));
        using var grain = new Mat(height / 8, width / 8, MatType.CV_8UC3);
        Cv2.SetTheRNG((ulong)seed);
        Cv2.Randn(grain, new Scalar(12, 12, 12), new Scalar(12, 12, 12));
        using var grainFull = new Mat();
        Cv2.Resize(grain, grainFull, new Size(width, height), 0, 0, InterpolationFlags.Cubic);
        Cv2.Add(table, grainFull, table);
        return table;
    }

    private static void ApplyLightingAndNoise(Mat photo, int seed)
    {
        int width = photo.Width;
        using var ramp = new Mat(1, width, MatType.CV_32FC1);
        for (int x = 0; x < width; x++)
        {
            ramp.Set(0, x, (float)(0.8 + (0.2 * x / width)));
        }

        using var light = new Mat();
        Cv2.Repeat(ramp, photo.Height, 1, light);
        using var light3 = new Mat();
        Cv2.Merge([light, light, light], light3);
        using var asFloat = new Mat();
        photo.ConvertTo(asFloat, MatType.CV_32FC3);
        Cv2.Multiply(asFloat, light3, asFloat);
        asFloat.ConvertTo(photo, MatType.CV_8UC3);

        Cv2.GaussianBlur(photo, photo, new Size(0, 0), 1.0);
        using var noise = new Mat(photo.Size(), MatType.CV_8UC3);
        Cv2.SetTheRNG((ulong)seed + 1);
        Cv2.Randn(noise, new Scalar(4, 4, 4), new Scalar(4, 4, 4));
        Cv2.Add(photo, noise, photo);
    }
}
