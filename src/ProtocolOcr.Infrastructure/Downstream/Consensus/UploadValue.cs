namespace ProtocolOcr.Infrastructure.Downstream.Consensus;

/// <summary>What one upload says a field is, listed when the uploads of a precinct disagree.</summary>
public sealed record UploadValue(Guid UploadId, long Value, string Source);
