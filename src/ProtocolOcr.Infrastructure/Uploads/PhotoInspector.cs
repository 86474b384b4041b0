using ProtocolOcr.Infrastructure.Uploads.Headers;

namespace ProtocolOcr.Infrastructure.Uploads;

/// <summary>
/// Decides from the bytes alone (never the file name or declared content type) whether an upload is a photo we
/// accept, and how many pixels it has, without decoding it: a decompression bomb is refused before it can explode.
/// </summary>
public sealed class PhotoInspector(UploadLimits limits)
{
    private const int UnprocessableEntity = 422;
    private const int UnsupportedMediaType = 415;

    public PhotoInspection Inspect(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new UploadRejectedException(UnprocessableEntity, UploadReasonCodes.EmptyFile, "The uploaded file is empty.");
        }

        var (format, (width, height)) = data switch
        {
            _ when JpegHeader.Matches(data) => (PhotoFormat.Jpeg, JpegHeader.ReadSize(data)),
            _ when PngHeader.Matches(data) => (PhotoFormat.Png, PngHeader.ReadSize(data)),
            _ when WebPHeader.Matches(data) => (PhotoFormat.WebP, WebPHeader.ReadSize(data)),
            _ when HeifHeader.Matches(data) => (PhotoFormat.Heic, HeifHeader.ReadSize(data)),
            _ => throw new UploadRejectedException(UnsupportedMediaType, UploadReasonCodes.UnsupportedMediaType,
                "The file is not a JPEG, PNG, WebP or HEIC photo."),
        };

        if (width <= 0 || height <= 0)
        {
            throw new UploadRejectedException(UnprocessableEntity, UploadReasonCodes.UnreadableImage,
                $"The photo declares an empty size ({width}x{height}).");
        }

        if (width > limits.MaxSide || height > limits.MaxSide || width * height > limits.MaxPixels)
        {
            throw new UploadRejectedException(UnprocessableEntity, UploadReasonCodes.ImageTooLarge,
                $"The photo declares {width}x{height} pixels; at most {limits.MaxSide} per side and " +
                $"{limits.MaxPixels / 1_000_000} megapixels are accepted.");
        }

        return new PhotoInspection(format, (int)width, (int)height);
    }
}
