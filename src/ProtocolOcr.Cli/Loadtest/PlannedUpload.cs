namespace ProtocolOcr.Cli.Loadtest;

/// <summary>One request of the burst: which pool photo, which variant of it (equal variants are equal bytes).</summary>
public sealed record PlannedUpload(int Photo, long Variant);
