using System.Buffers.Binary;
using OpenCvSharp;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Cli.Loadtest;

/// <summary>
/// Distinct generated phone photos of a filled protocol, each padded after its end-of-image marker to a size between
/// 1 and 5 MB (phones append such trailers: motion photos, depth maps). An upload's bytes are a pool photo plus a
/// variant number at the very end, so every variant has its own SHA-256 while the image itself is unchanged.
/// </summary>
public sealed class PhotoPool
{
    private const int MinBytes = 1024 * 1024;
    private const int MaxBytes = 5 * 1024 * 1024;
    private readonly IReadOnlyList<byte[]> _photos;

    private PhotoPool(IReadOnlyList<byte[]> photos) => _photos = photos;

    public int Count => _photos.Count;

    public long TotalBytes => _photos.Sum(p => (long)p.Length);

    public static PhotoPool Generate(int size, int seed, CancellationToken cancellationToken)
    {
        var catalog = FormCatalog.LoadDirectory(FormsDirectory.Locate());
        var form = catalog.Get(LoadtestSettings.FormId);
        var folder = Directory.CreateTempSubdirectory("protocolocr-loadtest-photos-");
        try
        {
            using var blank = BlankForm.Load(catalog, form);
            using var generator = new ProtocolGenerator(MnistDigits.FromNodeModules(), FontCatalog.Debian());
            var options = new GenerationRun.Options(CaptureLevel.Phone, HandStyle.Handwritten, size, seed, folder.FullName,
                Parallelism: Environment.ProcessorCount);
            var names = new GenerationRun(generator).Run(form, blank, options, null, cancellationToken);
            var random = new Random(seed);
            return new PhotoPool(names
                .Select(name => Pad(File.ReadAllBytes(Path.Combine(folder.FullName, name)), random.Next(MinBytes, MaxBytes), random))
                .ToList());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Pool photo <paramref name="photo"/> with <paramref name="variant"/> written into its last 8 bytes.</summary>
    public byte[] Variant(int photo, long variant)
    {
        var bytes = (byte[])_photos[photo].Clone();
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(bytes.Length - 8), variant);
        return bytes;
    }

    private static byte[] Pad(byte[] jpeg, int targetBytes, Random random)
    {
        var padded = new byte[Math.Max(targetBytes, jpeg.Length + 8)];
        jpeg.CopyTo(padded, 0);
        random.NextBytes(padded.AsSpan(jpeg.Length));
        return padded;
    }
}
