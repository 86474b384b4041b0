using OpenCvSharp;

namespace ProtocolOcr.Imaging.Decoding;

/// <summary>
/// A photo decoded to upright 8-bit grey pixels (EXIF orientation applied), possibly downscaled.
/// <see cref="SourceWidth"/> x <see cref="SourceHeight"/> is the size stored in the file, before orientation and
/// downscaling; <see cref="Format"/> is the container format name (JPEG, PNG, HEIC, ...).
/// <see cref="Preview"/> is a grey copy with a long side of at most <see cref="PhotoPreview.LongSide"/> px for the stages
/// that measure the whole photo (quality, page), made on first use unless the decoder made it.
/// </summary>
public sealed class DecodedPhoto : IDisposable
{
    private (Mat Gray, double Scale)? _preview;

    public DecodedPhoto(Mat image, string format, int sourceWidth, int sourceHeight)
    {
        Image = image;
        Format = format;
        SourceWidth = sourceWidth;
        SourceHeight = sourceHeight;
    }

    public Mat Image { get; }

    /// <summary>Grey, long side at most <see cref="PhotoPreview.LongSide"/>; owned by this photo.</summary>
    public Mat Preview => (_preview ??= PhotoPreview.Of(Image)).Gray;

    /// <summary>Preview pixels per <see cref="Image"/> pixel (at most 1).</summary>
    public double PreviewScale => (_preview ??= PhotoPreview.Of(Image)).Scale;

    /// <summary>
    /// Uploaded-file pixels per <see cref="Image"/> pixel, by the long sides: <see cref="SourceWidth"/> is the stored
    /// width, which is the height once an EXIF orientation turned the photo a quarter round.
    /// </summary>
    public double SourceScale => (double)Math.Max(SourceWidth, SourceHeight) / Math.Max(Width, Height);

    public string Format { get; }

    public int SourceWidth { get; }

    public int SourceHeight { get; }

    public int Width => Image.Width;

    public int Height => Image.Height;

    public void Dispose()
    {
        Image.Dispose();
        _preview?.Gray.Dispose();
    }
}
