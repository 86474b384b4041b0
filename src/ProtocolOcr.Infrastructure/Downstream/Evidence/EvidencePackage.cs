namespace ProtocolOcr.Infrastructure.Downstream.Evidence;

/// <summary>
/// A precinct's evidence zip and the SHA-256 of its <c>manifest.json</c>, which lists every other file's SHA-256:
/// printing this one hash (on the report) pins the whole package.
/// </summary>
public sealed record EvidencePackage(string FileName, byte[] Zip, string ManifestSha256);
