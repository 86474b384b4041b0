using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ProtocolOcr.Api.Errors;

namespace ProtocolOcr.Api.Security;

/// <summary>Pages redirect to the sign-in page; API calls get a JSON 401/403 with a reason code instead.</summary>
public static class StaffCookieEvents
{
    public static void Configure(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = AuthenticationSchemes.StaffCookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.LoginPath = "/account/login";
        cookie.LogoutPath = "/account/logout";
        cookie.AccessDeniedPath = "/account/denied";
        cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
        cookie.SlidingExpiration = true;
        cookie.Events.OnValidatePrincipal = StaffPrincipalValidator.ValidateAsync;
        cookie.Events.OnRedirectToLogin = context => IsApi(context)
            ? WriteAsync(context, StatusCodes.Status401Unauthorized, SecurityReasonCodes.NotSignedIn, "Sign in first.")
            : Redirect(context);
        cookie.Events.OnRedirectToAccessDenied = context => IsApi(context)
            ? WriteAsync(context, StatusCodes.Status403Forbidden, SecurityReasonCodes.Forbidden, "Your role does not allow this action.")
            : Redirect(context);
    }

    private static bool IsApi(RedirectContext<CookieAuthenticationOptions> context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task WriteAsync(RedirectContext<CookieAuthenticationOptions> context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(code, message), context.HttpContext.RequestAborted);
    }
}
