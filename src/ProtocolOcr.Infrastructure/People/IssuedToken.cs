namespace ProtocolOcr.Infrastructure.People;

/// <summary>A freshly issued observer token: <see cref="Token"/> is shown once and cannot be recovered later.</summary>
public sealed record IssuedToken(Guid Id, string ObserverName, string Token);
