namespace ProtocolOcr.Infrastructure.Downstream.Evidence;

/// <summary>The <c>manifest.json</c> of an evidence package: which precinct, and every other file with its SHA-256.</summary>
public sealed record EvidenceManifest(string Format, string ElectionId, string Region, string Precinct, IReadOnlyList<EvidenceFile> Files)
{
    public const string CurrentFormat = "protocolocr-evidence/1";
    public const string FileName = "manifest.json";
}
