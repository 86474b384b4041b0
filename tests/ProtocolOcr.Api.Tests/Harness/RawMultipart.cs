using System.Net.Http.Headers;
using System.Text;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>Multipart bodies written byte by byte, for what <see cref="MultipartFormDataContent"/> refuses to produce.</summary>
internal sealed class RawMultipart
{
    public const string Boundary = "hostile-boundary-7f3a";
    private readonly List<byte> _body = [];

    public RawMultipart File(string name, string fileName, byte[] content) =>
        Part($"Content-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: image/jpeg", content);

    public RawMultipart Text(string name, string value) => Text(name, Encoding.UTF8.GetBytes(value));

    /// <summary>A text part with exactly these bytes (which need not be UTF-8).</summary>
    public RawMultipart Text(string name, byte[] value) => Part($"Content-Disposition: form-data; name=\"{name}\"", value);

    /// <summary>The standard fields around <paramref name="photo"/>, so one hostile part can be added to a valid form.</summary>
    public static RawMultipart ValidForm(byte[] photo) =>
        new RawMultipart().File("photo", "photo.jpg", photo).Text("electionId", UploadForm.Election).Text("region", "Almaty")
            .Text("precinct", "123");

    public ByteArrayContent Build(bool closed = true)
    {
        var end = closed ? Encoding.ASCII.GetBytes($"--{Boundary}--\r\n") : [];
        var content = new ByteArrayContent([.. _body, .. end]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }

    private RawMultipart Part(string headers, byte[] content)
    {
        _body.AddRange(Encoding.UTF8.GetBytes($"--{Boundary}\r\n{headers}\r\n\r\n"));
        _body.AddRange(content);
        _body.AddRange("\r\n"u8);
        return this;
    }
}
