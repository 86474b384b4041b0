namespace ProtocolOcr.Api.Tests.Downstream;

/// <summary>The seeded uploads of <see cref="SeededElection"/>, by precinct.</summary>
public sealed record SeededPhotos(Guid First101, Guid Second101, Guid Only102, Guid First103, Guid Second103, Guid Only201);
