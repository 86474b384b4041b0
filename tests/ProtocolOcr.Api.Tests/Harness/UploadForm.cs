using System.Net.Http.Headers;

namespace ProtocolOcr.Api.Tests.Harness;

internal static class UploadForm
{
    public const string Election = "kz-2019-president";

    /// <summary>A multipart body like a phone sends; the declared file name and content type are deliberately generic.</summary>
    public static MultipartFormDataContent Create(
        byte[] photo, string electionId = Election, string? region = "Almaty", string? precinct = "123",
        string? note = null, string fileName = "photo.jpg")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "photo", fileName);
        content.Add(new StringContent(electionId), "electionId");
        if (region is not null)
        {
            content.Add(new StringContent(region), "region");
        }

        if (precinct is not null)
        {
            content.Add(new StringContent(precinct), "precinct");
        }

        if (note is not null)
        {
            content.Add(new StringContent(note), "note");
        }

        return content;
    }
}
