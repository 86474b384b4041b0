namespace ProtocolOcr.Infrastructure.Downstream.Evidence;

/// <summary>A file on its way into a package; <see cref="Content"/> is null when only the manifest is wanted.</summary>
internal sealed record PackageFile(string Path, byte[]? Content, string Sha256, long Bytes);
