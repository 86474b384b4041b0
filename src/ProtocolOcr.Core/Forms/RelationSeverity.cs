namespace ProtocolOcr.Core.Forms;

public enum RelationSeverity
{
    /// <summary>A protocol breaking it cannot be accepted without a person.</summary>
    Error,
    /// <summary>Suspicious but possible; reported, does not block acceptance by itself.</summary>
    Warning,
}
