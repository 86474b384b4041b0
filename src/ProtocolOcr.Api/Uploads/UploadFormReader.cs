using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Uploads;

/// <summary>Reads the multipart form (photo, electionId, region, precinct, note) into an <see cref="UploadSubmission"/>.</summary>
public static class UploadFormReader
{
    public const string PhotoField = "photo";

    /// <summary>Parts accepted in one upload form: the five it has, with room for a client's extras.</summary>
    public const int MaxParts = 16;
    private const int MaxRegionLength = 200;
    private const int MaxPrecinctLength = 32;
    private const int MaxNoteLength = 2000;
    private const string CleanTextRule = "valid UTF-8 text without control characters";

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

        var form = await ReadMultipartAsync(request, cancellationToken);
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

        if (!IsCleanText(note, allowLineBreaks: true))
        {
            throw Invalid("note", CleanTextRule);
        }

        using var bytes = new MemoryStream((int)photo.Length);
        await photo.CopyToAsync(bytes, cancellationToken);
        return new UploadSubmission(bytes.ToArray(), electionId, region, precinct, note.Length == 0 ? null : note);
    }

    private static async Task<IFormCollection> ReadMultipartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            // Too many parts, an overlong part header or boundary, a missing boundary: the parser's own limits.
            throw Malformed(e);
        }
        catch (IOException e) when (e is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The body ended before the closing boundary.
            throw Malformed(e);
        }
    }

    private static string Required(IFormCollection form, string name, int maxLength = 100)
    {
        var value = form[name].ToString().Trim();
        if (value.Length == 0)
        {
            throw Missing(name);
        }

        if (value.Length > maxLength)
        {
            throw Invalid(name, $"at most {maxLength} characters");
        }

        return IsCleanText(value, allowLineBreaks: false) ? value : throw Invalid(name, CleanTextRule);
    }

    /// <summary>
    /// False for control characters (NUL cannot even be stored in PostgreSQL text) and for U+FFFD, which is what bytes
    /// that are not UTF-8 decode to: such a value is not something a person typed.
    /// </summary>
    private static bool IsCleanText(string value, bool allowLineBreaks) =>
        !value.Any(c => c == '\uFFFD' || (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')));

    private static UploadRejectedException Malformed(Exception cause) =>
        new(StatusCodes.Status400BadRequest, UploadReasonCodes.MalformedMultipart,
            $"The multipart body cannot be read: {cause.Message}");

    private static UploadRejectedException Missing(string name) =>
        new(StatusCodes.Status400BadRequest, UploadReasonCodes.MissingField, $"The form field '{name}' is required.");

    private static UploadRejectedException Invalid(string name, string rule) =>
        new(StatusCodes.Status422UnprocessableEntity, UploadReasonCodes.InvalidField, $"The form field '{name}' must be {rule}.");

    private static UploadRejectedException TooLarge(UploadLimits limits) =>
        new(StatusCodes.Status413PayloadTooLarge, UploadReasonCodes.FileTooLarge,
            $"The photo is larger than {limits.MaxBytes / (1024 * 1024)} MB.");
}
