namespace ProtocolOcr.Api.Errors;

/// <summary>The body of every error answer: a stable machine-readable code and a sentence for a person.</summary>
public sealed record ApiError(string Error, string Message);
