namespace ProtocolOcr.Infrastructure.Downstream.Consensus;

/// <summary>One upload's value for one field: an accepted OCR reading, or an operator's final decision.</summary>
public sealed record ConsensusCandidate(Guid UploadId, string FieldId, long Value, double Confidence, string Source);
