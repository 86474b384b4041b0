namespace ProtocolOcr.Infrastructure.Uploads.Headers;

/// <summary>Reads a JPEG's size from its SOFn segment and checks the image data reaches its EOI marker.</summary>
internal static class JpegHeader
{
    private const string Name = "JPEG";

    /// <summary>
    /// Application and comment segments before the image data. A phone writes well under 200 KB there (EXIF with its
    /// thumbnail, ICC profile, XMP); megabytes of it are padding meant to waste memory and parser time downstream.
    /// Data after the end-of-image marker (motion-photo or depth trailers) is not counted.
    /// </summary>
    public const long MaxMetadataBytes = 1024 * 1024;

    public static bool Matches(ReadOnlySpan<byte> data) =>
        data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;

    public static (long Width, long Height) ReadSize(ReadOnlySpan<byte> data)
    {
        var position = 2;
        (long Width, long Height)? size = null;
        long metadataBytes = 0;
        while (true)
        {
            if (position + 2 > data.Length)
            {
                throw HeaderProblems.Truncated(Name);
            }

            if (data[position] != 0xFF)
            {
                throw HeaderProblems.Unreadable(Name, "a segment marker is missing");
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            position += 2;
            if (IsStandalone(marker))
            {
                continue;
            }

            if (marker == 0xD9)
            {
                throw HeaderProblems.Unreadable(Name, "it ends before any image data");
            }

            if (position + 2 > data.Length)
            {
                throw HeaderProblems.Truncated(Name);
            }

            var length = BigEndian.UInt16(data, position);
            if (length < 2)
            {
                throw HeaderProblems.Unreadable(Name, "a segment has an impossible length");
            }

            if (position + length > data.Length)
            {
                throw HeaderProblems.Truncated(Name);
            }

            if (IsMetadata(marker))
            {
                metadataBytes += length;
                if (metadataBytes > MaxMetadataBytes)
                {
                    throw HeaderProblems.MetadataTooLarge(Name, metadataBytes, MaxMetadataBytes);
                }
            }

            if (IsStartOfFrame(marker))
            {
                if (length < 7)
                {
                    throw HeaderProblems.Unreadable(Name, "the frame header is too short");
                }

                size = (BigEndian.UInt16(data, position + 5), BigEndian.UInt16(data, position + 3));
            }

            if (marker == 0xDA)
            {
                if (size is null)
                {
                    throw HeaderProblems.Unreadable(Name, "image data comes before the frame header");
                }

                // FF D9 cannot occur inside entropy-coded data (FF is stuffed as FF 00), so the first one after the
                // scan starts is the main image's end; anything after it (maker trailers) is allowed.
                if (data[(position + length)..].IndexOf([(byte)0xFF, (byte)0xD9]) < 0)
                {
                    throw HeaderProblems.Truncated(Name);
                }

                return size.Value;
            }

            position += length;
        }
    }

    private static bool IsStandalone(byte marker) => marker is 0x01 or 0xD8 or (>= 0xD0 and <= 0xD7);

    private static bool IsMetadata(byte marker) => marker is >= 0xE0 and <= 0xEF or 0xFE;

    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
}
