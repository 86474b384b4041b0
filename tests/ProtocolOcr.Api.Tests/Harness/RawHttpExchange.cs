using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// One HTTP/1.1 request on a plain socket whose body is written while the answer is read. A server that refuses an
/// oversized body answers and closes before the client has finished writing; HttpClient then reports only the broken
/// write, this reads the answer the server actually gave.
/// </summary>
internal static class RawHttpExchange
{
    public static async Task<(int Status, string Body)> PostAsync(
        Uri address, string path, string bearerToken, string contentType, HttpContent body, bool chunked)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        var length = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {body.Headers.ContentLength}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {bearerToken}\r\n" +
            $"Content-Type: {contentType}\r\n{length}\r\nConnection: close\r\n\r\n"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var answer = ReadAnswerAsync(stream, timeout.Token);
        try
        {
            if (chunked)
            {
                await body.CopyToAsync(new ChunkedStream(stream), timeout.Token);
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), timeout.Token);
            }
            else
            {
                await body.CopyToAsync(stream, timeout.Token);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // The server closed the connection while the body was still being sent: its answer is what counts.
        }

        return await answer;
    }

    private static async Task<(int Status, string Body)> ReadAnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The server closed the connection without an answer.");
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd);
        var status = int.Parse(head.Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = head.Split("\r\n");
        var contentLength = headers
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var chunked = headers.Any(line => line.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase));
        while (chunked ? !EndsWithLastChunk(received) : received.Count - headerEnd - 4 < contentLength)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var body = Encoding.UTF8.GetString(received.ToArray(), headerEnd + 4, received.Count - headerEnd - 4);
        return (status, chunked ? Dechunk(body) : body);
    }

    private static bool EndsWithLastChunk(List<byte> received) => received.ToArray().AsSpan().EndsWith("\r\n0\r\n\r\n"u8);

    /// <summary>Joins the chunks of a chunked body (the answers here are small JSON, so sizes count characters).</summary>
    private static string Dechunk(string body)
    {
        var result = new StringBuilder();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = body.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = int.Parse(body[position..lineEnd], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                break;
            }

            result.Append(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }

        return result.ToString();
    }

    private static int IndexOfHeaderEnd(List<byte> received) =>
        received.ToArray().AsSpan().IndexOf("\r\n\r\n"u8);

    /// <summary>Writes each buffer as one HTTP chunk (the caller writes the last, empty one).</summary>
    private sealed class ChunkedStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(Encoding.ASCII.GetBytes($"{buffer.Length:X}\r\n"), cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
            await inner.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
