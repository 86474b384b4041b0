namespace ProtocolOcr.Core.Recognition;

/// <summary>A machine-readable reason code (see <see cref="ReasonCodes"/>) and a sentence a person can act on.</summary>
public sealed record RejectionReason(string Code, string Message);
