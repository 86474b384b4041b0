namespace ProtocolOcr.Imaging.Decoding;

/// <summary>
/// Byte-level checks that decoders do not make: libjpeg fills a truncated JPEG with grey and reports success,
/// so a photo cut off in transfer would otherwise reach OCR half empty.
/// </summary>
public static class EncodedPhotoChecks
{
    private static readonly byte[] PngEnd = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    /// <summary>
    /// True when the JPEG's end-of-image marker follows its last start-of-scan marker. Entropy-coded data never holds
    /// 0xFF 0xD9 (0xFF is stuffed), and an embedded EXIF thumbnail ends before the main image's scans start.
    /// </summary>
    public static bool JpegIsComplete(ReadOnlySpan<byte> data)
    {
        int lastScan = data.LastIndexOf([(byte)0xFF, (byte)0xDA]);
        if (lastScan < 0)
        {
            return false;
        }

        return data[(lastScan + 2)..].IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
    }

    /// <summary>True when the PNG holds its IEND chunk (the last chunk of every complete PNG).</summary>
    public static bool PngIsComplete(ReadOnlySpan<byte> data) => data.LastIndexOf(PngEnd) >= 0;
}
