namespace ProtocolOcr.Infrastructure.People;

/// <summary>An account or token request that cannot be carried out, with a stable reason code.</summary>
public sealed class PeopleRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
