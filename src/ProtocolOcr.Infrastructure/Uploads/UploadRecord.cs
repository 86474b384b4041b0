namespace ProtocolOcr.Infrastructure.Uploads;

/// <summary>
/// A row of <c>uploads</c>. Times are UTC. <see cref="ObserverTokenId"/> is the token the photo came with (null when a
/// staff member uploaded it); <see cref="SubmittedBy"/> is the observer's or staff member's name.
/// </summary>
public sealed record UploadRecord(
    Guid Id,
    string Sha256,
    string BlobKey,
    string ElectionId,
    string Region,
    string Precinct,
    string? Note,
    string Format,
    long SizeBytes,
    int PixelWidth,
    int PixelHeight,
    DateTime ReceivedAt,
    string Status,
    string? ReasonCode,
    string? ReasonMessage,
    int Attempts,
    DateTime UpdatedAt,
    Guid? ObserverTokenId = null,
    string? SubmittedBy = null);
