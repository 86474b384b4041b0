using System.Buffers.Binary;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>Reads a PNG's pixel size from its header, without decoding the image.</summary>
internal static class PngHeader
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <exception cref="InvalidDataException">The file is not a PNG.</exception>
    public static PageSize ReadSize(string path)
    {
        var header = new byte[24];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (!header.AsSpan(0, 8).SequenceEqual(Signature) || !header.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException($"Reference image '{path}' is not a PNG file.");
        }

        return new PageSize(
            BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16, 4)),
            BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20, 4)));
    }
}
