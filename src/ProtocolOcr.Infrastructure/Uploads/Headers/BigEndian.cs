using System.Buffers.Binary;

namespace ProtocolOcr.Infrastructure.Uploads.Headers;

internal static class BigEndian
{
    public static int UInt16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    public static long UInt32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);

    public static bool HasAscii(ReadOnlySpan<byte> data, int offset, string text)
    {
        if (offset < 0 || offset + text.Length > data.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (data[offset + i] != text[i])
            {
                return false;
            }
        }

        return true;
    }
}
