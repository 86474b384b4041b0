namespace ProtocolOcr.Infrastructure.Downstream.Evidence;

/// <summary>One file of an evidence package as the manifest lists it.</summary>
public sealed record EvidenceFile(string Path, string Sha256, long Bytes);
