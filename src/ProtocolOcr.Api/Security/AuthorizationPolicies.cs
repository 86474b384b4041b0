using Microsoft.AspNetCore.Authorization;
using ProtocolOcr.Infrastructure.People;

namespace ProtocolOcr.Api.Security;

/// <summary>The policy names endpoints and pages require; an admin satisfies every one of them.</summary>
public static class AuthorizationPolicies
{
    public const string Observer = "Observer";
    public const string Operator = "Operator";
    public const string Analyst = "Analyst";
    public const string Admin = "Admin";

    /// <summary>Any signed-in staff member (operator, analyst or admin), never an observer token.</summary>
    public const string Staff = "Staff";

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(Observer, policy => policy.RequireRole(UserRoles.Observer, UserRoles.Admin));
        options.AddPolicy(Operator, policy => policy.RequireRole(UserRoles.Operator, UserRoles.Admin));
        options.AddPolicy(Analyst, policy => policy.RequireRole(UserRoles.Analyst, UserRoles.Admin));
        options.AddPolicy(Admin, policy => policy.RequireRole(UserRoles.Admin));
        options.AddPolicy(Staff, policy => policy.RequireRole(UserRoles.Operator, UserRoles.Analyst, UserRoles.Admin));
    }
}
