namespace ProtocolOcr.Core.Forms;

/// <summary>
/// A control relation such as <c>L4 == L5 + sum(V) + AA</c>. <see cref="Tolerance"/> is the absolute slack
/// allowed on comparisons (0 for exact arithmetic).
/// </summary>
public sealed record RelationDefinition(string Id, string Expression, RelationSeverity Severity, double Tolerance = 0);
