using System.Buffers.Binary;
using System.Text;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>Builds minimal ISO-BMFF (HEIC) files: ftyp, meta/iprp/ipco with ispe properties, mdat.</summary>
internal static class HeifBuilder
{
    public static byte[] Heic(string majorBrand, string[] compatibleBrands, params (uint Width, uint Height)[] extents)
    {
        var ftyp = Box("ftyp", [.. Ascii(majorBrand), 0, 0, 0, 0, .. compatibleBrands.SelectMany(Ascii)]);
        var properties = extents.Select(e => Box("ispe", [0, 0, 0, 0, .. UInt32(e.Width), .. UInt32(e.Height)]));
        var ipco = Box("ipco", [.. properties.SelectMany(p => p)]);
        var meta = Box("meta", [0, 0, 0, 0, .. Box("hdlr", new byte[24]), .. Box("iprp", ipco)]);
        var mdat = Box("mdat", new byte[256]);
        return [.. ftyp, .. meta, .. mdat];
    }

    private static byte[] Box(string type, byte[] content) => [.. UInt32((uint)(content.Length + 8)), .. Ascii(type), .. content];

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
