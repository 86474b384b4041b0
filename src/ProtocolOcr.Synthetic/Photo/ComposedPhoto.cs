using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>A rendered photo (CV_8UC3) and where the page is in it (null when no protocol page is in the picture).</summary>
public sealed record ComposedPhoto(Mat Image, PagePlacement? Placement) : IDisposable
{
    public byte[] EncodeJpeg(int quality)
    {
        Cv2.ImEncode(".jpg", Image, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        return bytes;
    }

    public void Dispose() => Image.Dispose();
}
