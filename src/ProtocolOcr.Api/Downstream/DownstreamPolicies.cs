namespace ProtocolOcr.Api.Downstream;

/// <summary>
/// The shared auth contract's policy names this area requires (the same strings as
/// <c>ProtocolOcr.Api.Security.AuthorizationPolicies</c>, which registers them; use those constants once it is merged).
/// </summary>
public static class DownstreamPolicies
{
    public const string Analyst = "Analyst";
    public const string Admin = "Admin";
}
