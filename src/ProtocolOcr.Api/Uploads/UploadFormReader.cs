using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Uploads;

/// <summary>Reads the multipart form (photo, electionId, region, precinct, note) into an <see cref="UploadSubmission"/>.</summary>
public static class UploadFormReader
{
    public const string PhotoField = "photo";
    private const int MaxRegionLength = 200;
    private const int MaxPrecinctLength = 32;
    private const int MaxNoteLength = 2000;

    public static async Task<UploadSubmission> ReadAsync(HttpRequest request, UploadLimits limits, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, UploadReasonCodes.NotMultipart,
                "Send the photo as multipart/form-data with a 'photo' part.");
        }

        if (request.ContentLength > limits.MaxBytes + ApiComposition.MultipartOverheadBytes)
        {
            throw TooLarge(limits);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var photo = form.Files.GetFile(PhotoField) ?? throw Missing(PhotoField);
        if (photo.Length > limits.MaxBytes)
        {
            throw TooLarge(limits);
        }

        var electionId = Required(form, "electionId");
        var region = Required(form, "region", MaxRegionLength);
        var precinct = Required(form, "precinct", MaxPrecinctLength);
        var note = form["note"].ToString();
        if (note.Length > MaxNoteLength)
        {
            throw Invalid("note", $"at most {MaxNoteLength} characters");
        }

        using var bytes = new MemoryStream((int)photo.Length);
        await photo.CopyToAsync(bytes, cancellationToken);
        return new UploadSubmission(bytes.ToArray(), electionId, region, precinct, note.Length == 0 ? null : note);
    }

    private static string Required(IFormCollection form, string name, int maxLength = 100)
    {
        var value = form[name].ToString().Trim();
        if (value.Length == 0)
        {
            throw Missing(name);
        }

        return value.Length <= maxLength ? value : throw Invalid(name, $"at most {maxLength} characters");
    }

    private static UploadRejectedException Missing(string name) =>
        new(StatusCodes.Status400BadRequest, UploadReasonCodes.MissingField, $"The form field '{name}' is required.");

    private static UploadRejectedException Invalid(string name, string rule) =>
        new(StatusCodes.Status422UnprocessableEntity, UploadReasonCodes.InvalidField, $"The form field '{name}' must be {rule}.");

    private static UploadRejectedException TooLarge(UploadLimits limits) =>
        new(StatusCodes.Status413PayloadTooLarge, UploadReasonCodes.FileTooLarge,
            $"The photo is larger than {limits.MaxBytes / (1024 * 1024)} MB.");
}
