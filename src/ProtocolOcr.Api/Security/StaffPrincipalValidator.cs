using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ProtocolOcr.Infrastructure.People;

namespace ProtocolOcr.Api.Security;

/// <summary>
/// Checks every staff cookie against <c>users</c>: a disabled or removed account, or one whose role changed, is signed
/// out at its next request instead of keeping access until the cookie expires.
/// </summary>
public static class StaffPrincipalValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var role = context.Principal?.FindFirstValue(ClaimTypes.Role);
        var users = context.HttpContext.RequestServices.GetRequiredService<UserRepository>();
        var user = name is null ? null : await users.FindByNameAsync(name, context.HttpContext.RequestAborted);
        if (user is null || user.Disabled || user.Role != role)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthenticationSchemes.Staff);
        }
    }
}
