namespace ProtocolOcr.Infrastructure.Uploads.Headers;

/// <summary>Reads a PNG's size from IHDR and walks the chunk list to its IEND, so a cut-off file is caught.</summary>
internal static class PngHeader
{
    private const string Name = "PNG";
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool Matches(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    public static (long Width, long Height) ReadSize(ReadOnlySpan<byte> data)
    {
        var position = Signature.Length;
        (long Width, long Height)? size = null;
        while (true)
        {
            if (position + 12 > data.Length)
            {
                throw HeaderProblems.Truncated(Name);
            }

            var length = BigEndian.UInt32(data, position);
            if (position + 12 + length > data.Length)
            {
                throw HeaderProblems.Truncated(Name);
            }

            if (size is null)
            {
                if (!BigEndian.HasAscii(data, position + 4, "IHDR") || length != 13)
                {
                    throw HeaderProblems.Unreadable(Name, "the IHDR header is missing");
                }

                size = (BigEndian.UInt32(data, position + 8), BigEndian.UInt32(data, position + 12));
            }
            else if (BigEndian.HasAscii(data, position + 4, "IEND"))
            {
                return size.Value;
            }

            position += 12 + (int)length;
        }
    }
}
