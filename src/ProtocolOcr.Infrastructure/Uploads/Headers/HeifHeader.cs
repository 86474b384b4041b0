using System.Text;

namespace ProtocolOcr.Infrastructure.Uploads.Headers;

/// <summary>
/// HEIC/HEIF (ISO base media file): recognised by its <c>ftyp</c> brands; size from the largest <c>ispe</c> property
/// (a grid image's own ispe is the full picture, tiles and thumbnails are smaller).
/// </summary>
internal static class HeifHeader
{
    private const string Name = "HEIC";
    private static readonly HashSet<string> HeicBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"];
    private static readonly HashSet<string> GenericHeifBrands = ["mif1", "msf1"];
    private static readonly HashSet<string> AvifBrands = ["avif", "avis"];

    public static bool Matches(ReadOnlySpan<byte> data)
    {
        if (data.Length < 16 || !BigEndian.HasAscii(data, 4, "ftyp"))
        {
            return false;
        }

        var brands = Brands(data);
        return brands.Overlaps(HeicBrands) || (brands.Overlaps(GenericHeifBrands) && !brands.Overlaps(AvifBrands));
    }

    public static (long Width, long Height) ReadSize(ReadOnlySpan<byte> data)
    {
        (long Width, long Height)? largest = null;
        var position = 0;
        while (position < data.Length)
        {
            var box = ReadBox(data, position, data.Length) ?? throw HeaderProblems.Truncated(Name);
            if (box.Type == "meta")
            {
                largest = LargestImageSpatialExtent(data, box.ContentStart + 4, box.End);
            }

            position = box.End;
        }

        return largest ?? throw HeaderProblems.Unreadable(Name, "it declares no image size (ispe)");
    }

    private static (long Width, long Height)? LargestImageSpatialExtent(ReadOnlySpan<byte> data, int start, int end)
    {
        var properties = FindChild(data, start, end, "iprp");
        var container = properties is null ? null : FindChild(data, properties.Value.ContentStart, properties.Value.End, "ipco");
        if (container is null)
        {
            return null;
        }

        (long Width, long Height)? largest = null;
        var position = container.Value.ContentStart;
        while (position < container.Value.End)
        {
            var box = ReadBox(data, position, container.Value.End)
                ?? throw HeaderProblems.Unreadable(Name, "an item property overruns its container");
            if (box.Type == "ispe" && box.End - box.ContentStart >= 12)
            {
                var size = (BigEndian.UInt32(data, box.ContentStart + 4), BigEndian.UInt32(data, box.ContentStart + 8));
                if (largest is null || size.Item1 * size.Item2 > largest.Value.Width * largest.Value.Height)
                {
                    largest = size;
                }
            }

            position = box.End;
        }

        return largest;
    }

    private static Box? FindChild(ReadOnlySpan<byte> data, int start, int end, string type)
    {
        var position = start;
        while (position < end)
        {
            var box = ReadBox(data, position, end) ?? throw HeaderProblems.Unreadable(Name, $"a box inside '{type}' is cut");
            if (box.Type == type)
            {
                return box;
            }

            position = box.End;
        }

        return null;
    }

    /// <summary>The box at <paramref name="position"/>, or null when it does not fit before <paramref name="limit"/>.</summary>
    private static Box? ReadBox(ReadOnlySpan<byte> data, int position, int limit)
    {
        if (position + 8 > limit)
        {
            return null;
        }

        long size = BigEndian.UInt32(data, position);
        var headerLength = 8;
        if (size == 1)
        {
            if (position + 16 > limit)
            {
                return null;
            }

            size = (BigEndian.UInt32(data, position + 8) << 32) | BigEndian.UInt32(data, position + 12);
            headerLength = 16;
        }
        else if (size == 0)
        {
            size = limit - position;
        }

        if (size < headerLength || position + size > limit)
        {
            return null;
        }

        var type = Encoding.ASCII.GetString(data.Slice(position + 4, 4));
        return new Box(type, position + headerLength, (int)(position + size));
    }

    private static HashSet<string> Brands(ReadOnlySpan<byte> data)
    {
        var ftypEnd = (int)Math.Min(BigEndian.UInt32(data, 0), data.Length);
        var brands = new HashSet<string> { Encoding.ASCII.GetString(data.Slice(8, 4)) };
        for (var offset = 16; offset + 4 <= ftypEnd; offset += 4)
        {
            brands.Add(Encoding.ASCII.GetString(data.Slice(offset, 4)));
        }

        return brands;
    }

    private readonly record struct Box(string Type, int ContentStart, int End);
}
