namespace ProtocolOcr.Cli.Uploading;

public sealed record UploadMetadata(string ElectionId, string Region, string Precinct, string? Note);
