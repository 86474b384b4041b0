using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Infrastructure.Uploads;

/// <summary>Reason codes the drop endpoint answers with; clients compare against these strings.</summary>
public static class UploadReasonCodes
{
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string EmptyFile = "empty_file";
    public const string TruncatedImage = "truncated_image";
    public const string UnreadableImage = ReasonCodes.UnreadableImage;
    public const string ImageTooLarge = "image_too_large";
    public const string FileTooLarge = "file_too_large";
    public const string UnknownElection = "unknown_election";
    public const string MissingField = "missing_field";
    public const string InvalidField = "invalid_field";
    public const string NotMultipart = "not_multipart";
    public const string MalformedMultipart = "malformed_multipart";
    public const string MetadataTooLarge = "metadata_too_large";
    public const string StorageUnavailable = "storage_unavailable";
    public const string UploadNotFound = "upload_not_found";
}
