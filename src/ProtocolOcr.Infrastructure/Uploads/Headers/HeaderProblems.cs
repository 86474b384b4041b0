namespace ProtocolOcr.Infrastructure.Uploads.Headers;

internal static class HeaderProblems
{
    private const int UnprocessableEntity = 422;

    public static UploadRejectedException Truncated(string format) => new(
        UnprocessableEntity, UploadReasonCodes.TruncatedImage,
        $"The {format} file is cut short; send the whole photo again.");

    public static UploadRejectedException MetadataTooLarge(string format, long bytes, long limit) => new(
        UnprocessableEntity, UploadReasonCodes.MetadataTooLarge,
        $"The {format} file carries {bytes} bytes of metadata before its image; at most {limit} are accepted.");

    public static UploadRejectedException Unreadable(string format, string detail) => new(
        UnprocessableEntity, UploadReasonCodes.UnreadableImage,
        $"The {format} file cannot be read: {detail}.");
}
