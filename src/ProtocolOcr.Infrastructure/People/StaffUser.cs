namespace ProtocolOcr.Infrastructure.People;

/// <summary>A row of <c>users</c>: a person who signs in with a name and password.</summary>
public sealed record StaffUser(long Id, string Name, string Role, string PasswordHash, bool Disabled, DateTime CreatedAt);
