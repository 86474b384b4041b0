using System.Buffers.Binary;

namespace ProtocolOcr.Infrastructure.Uploads.Headers;

/// <summary>Reads a WebP's size from its first chunk (lossy VP8, lossless VP8L or extended VP8X).</summary>
internal static class WebPHeader
{
    private const string Name = "WebP";

    public static bool Matches(ReadOnlySpan<byte> data) =>
        BigEndian.HasAscii(data, 0, "RIFF") && BigEndian.HasAscii(data, 8, "WEBP");

    public static (long Width, long Height) ReadSize(ReadOnlySpan<byte> data)
    {
        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffEnd > data.Length || data.Length < 30)
        {
            throw HeaderProblems.Truncated(Name);
        }

        if (BigEndian.HasAscii(data, 12, "VP8 "))
        {
            if (data[23] != 0x9D || data[24] != 0x01 || data[25] != 0x2A)
            {
                throw HeaderProblems.Unreadable(Name, "the VP8 start code is missing");
            }

            return (BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        }

        if (BigEndian.HasAscii(data, 12, "VP8L"))
        {
            if (data[20] != 0x2F)
            {
                throw HeaderProblems.Unreadable(Name, "the VP8L signature is missing");
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }

        if (BigEndian.HasAscii(data, 12, "VP8X"))
        {
            return (1 + ReadUInt24(data, 24), 1 + ReadUInt24(data, 27));
        }

        throw HeaderProblems.Unreadable(Name, "its first chunk is not VP8, VP8L or VP8X");
    }

    private static long ReadUInt24(ReadOnlySpan<byte> data, int offset) =>
        data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16);
}
