using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Core.Recognition;

/// <summary>The outcome of one relation on the values read. <see cref="Holds"/> is null when a value it needs is missing.</summary>
public sealed record RelationCheck(string RelationId, string Expression, RelationSeverity Severity, bool? Holds, string Detail);
