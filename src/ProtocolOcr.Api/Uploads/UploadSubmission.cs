namespace ProtocolOcr.Api.Uploads;

/// <summary>What an observer sent: the photo bytes and where it was taken.</summary>
public sealed record UploadSubmission(
    ReadOnlyMemory<byte> Photo, string ElectionId, string Region, string Precinct, string? Note);
