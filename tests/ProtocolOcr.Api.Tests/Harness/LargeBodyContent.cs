using System.Net;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// A request body of any size streamed from one small buffer: a multipart prefix, <c>length</c> filler bytes, a suffix.
/// A 200 MB body costs the test no memory. With <c>chunked</c> no Content-Length is announced.
/// </summary>
internal sealed class LargeBodyContent(byte[] prefix, long length, byte[] suffix, bool chunked) : HttpContent
{
    private static readonly byte[] Filler = Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31 % 251)).ToArray();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(prefix);
        for (var left = length; left > 0; left -= Filler.Length)
        {
            await stream.WriteAsync(Filler.AsMemory(0, (int)Math.Min(Filler.Length, left)));
        }

        await stream.WriteAsync(suffix);
    }

    protected override bool TryComputeLength(out long length1)
    {
        length1 = prefix.Length + length + suffix.Length;
        return !chunked;
    }
}
