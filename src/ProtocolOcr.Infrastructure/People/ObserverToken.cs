namespace ProtocolOcr.Infrastructure.People;

/// <summary>A row of <c>observer_tokens</c>; the token itself is never stored, only its SHA-256.</summary>
public sealed record ObserverToken(
    Guid Id, string ObserverName, string TokenSha256, string IssuedBy, DateTime IssuedAt, DateTime? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
