using System.Buffers.Binary;

namespace ProtocolOcr.Core.Tests.Forms;

/// <summary>A temporary forms folder with the minimal form and a PNG header of the given size.</summary>
internal sealed class ScratchFormsDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("forms-catalog-");

    public ScratchFormsDirectory(int pngWidth, int pngHeight)
    {
        File.Copy(TestData.MinimalForm, System.IO.Path.Combine(Path, "test.minimal.yaml"));
        var header = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(16), pngWidth);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(20), pngHeight);
        File.WriteAllBytes(System.IO.Path.Combine(Path, "test.minimal.png"), header);
    }

    public string Path => _directory.FullName;

    public void Dispose() => _directory.Delete(recursive: true);
}
