namespace ProtocolOcr.Api.Downstream;

/// <summary>Error codes of the import, results, evidence and report endpoints.</summary>
public static class DownstreamReasonCodes
{
    public const string UnknownKind = "unknown_import_kind";
    public const string UnsupportedContentType = "unsupported_media_type";
    public const string MissingFile = "missing_file";
    public const string ImportRefused = "import_refused";
    public const string UnknownView = "unknown_view";
    public const string InvalidPaging = "invalid_paging";
    public const string PrecinctNotFound = "precinct_not_found";
    public const string UploadNotFound = "upload_not_found";
    public const string ElectionNotFound = "election_not_found";
    public const string OriginalAltered = "original_altered";
}
