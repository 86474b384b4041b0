namespace ProtocolOcr.Core.Relations;

/// <summary>
/// A name used in an expression. <see cref="AsAggregate"/> is true when it is a direct argument of an aggregate
/// function (<c>sum(V)</c>), the only place a group name may appear.
/// </summary>
public sealed record NameReference(string Name, int Position, bool AsAggregate);
