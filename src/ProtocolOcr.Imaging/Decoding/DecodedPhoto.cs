using OpenCvSharp;

namespace ProtocolOcr.Imaging.Decoding;

/// <summary>
/// A photo decoded to upright BGR pixels (EXIF orientation applied), possibly downscaled.
/// <see cref="SourceWidth"/> x <see cref="SourceHeight"/> is the size stored in the file, before orientation and
/// downscaling; <see cref="Format"/> is the container format name (JPEG, PNG, HEIC, ...).
/// </summary>
public sealed class DecodedPhoto : IDisposable
{
    public DecodedPhoto(Mat image, string format, int sourceWidth, int sourceHeight)
    {
        Image = image;
        Format = format;
        SourceWidth = sourceWidth;
        SourceHeight = sourceHeight;
    }

    public Mat Image { get; }

    public string Format { get; }

    public int SourceWidth { get; }

    public int SourceHeight { get; }

    public int Width => Image.Width;

    public int Height => Image.Height;

    public void Dispose() => Image.Dispose();
}
