using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using OpenCvSharp;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>Real encoded images (OpenCV) and hand-crafted headers for the inputs the drop endpoint must refuse.</summary>
internal static class TestPhotos
{
    /// <summary>A small real JPEG; the label makes its bytes (and SHA-256) unique.</summary>
    public static byte[] Jpeg(string label, int width = 480, int height = 320) => Encode(".jpg", label, width, height);

    public static byte[] Png(string label, int width = 480, int height = 320) => Encode(".png", label, width, height);

    /// <summary>A PNG of random noise: it barely compresses, so its size is about width x height x 3 bytes.</summary>
    public static byte[] NoisePng(int width, int height)
    {
        using var image = new Mat(height, width, MatType.CV_8UC3);
        Cv2.Randu(image, Scalar.All(0), Scalar.All(255));
        return image.ImEncode(".png");
    }

    /// <summary>A PNG whose header claims the given size: a structurally complete file with no pixel data.</summary>
    public static byte[] PngHeader(uint width, uint height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        WriteChunk(stream, "IHDR", ihdr);
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    public static byte[] Truncated(byte[] photo, double keep = 0.6) => photo[..(int)(photo.Length * keep)];

    public static byte[] Html() =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>");

    public static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("protocol.jpg").Open();
            entry.Write(Jpeg("inside a zip"));
        }

        return stream.ToArray();
    }

    private static byte[] Encode(string extension, string label, int width, int height)
    {
        using var image = new Mat(height, width, MatType.CV_8UC3, Scalar.White);
        Cv2.PutText(image, label, new Point(10, height / 2), HersheyFonts.HersheySimplex, 0.6, Scalar.Black, 2);
        Cv2.Rectangle(image, new Rect(5, 5, width - 10, height - 10), Scalar.Black, 2);
        return image.ImEncode(extension);
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(type));
        stream.Write(data);
        stream.Write([0, 0, 0, 0]);
    }
}
