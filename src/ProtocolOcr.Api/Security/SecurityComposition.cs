using Hangfire;
using Microsoft.AspNetCore.Authentication;

namespace ProtocolOcr.Api.Security;

/// <summary>Authentication (staff cookie, observer bearer tokens), policies, throttling and antiforgery.</summary>
public static class SecurityComposition
{
    public static WebApplicationBuilder AddProtocolOcrSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>()
            .BindConfiguration(SecurityOptions.Section)
            .Validate(s => s.LoginMaxFailures > 0 && s.LoginLockoutMinutes > 0 && s.UploadsPerWindow > 0 && s.UploadWindowSeconds > 0,
                "Security settings must be positive.")
            .ValidateOnStart();
        builder.Services.AddAuthentication(AuthenticationSchemes.StaffOrObserver)
            .AddPolicyScheme(AuthenticationSchemes.StaffOrObserver, null, options => options.ForwardDefaultSelector = SchemeSelector.Select)
            .AddCookie(AuthenticationSchemes.Staff, StaffCookieEvents.Configure)
            .AddScheme<AuthenticationSchemeOptions, ObserverTokenHandler>(AuthenticationSchemes.ObserverToken, null);
        builder.Services.AddAuthorization(AuthorizationPolicies.Register);
        builder.Services.AddRateLimiter(UploadRateLimit.Register);
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/", AuthorizationPolicies.Staff);
            pages.Conventions.AllowAnonymousToFolder("/Account");
        });
        return builder;
    }

    public static WebApplication UseProtocolOcrSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapHangfireDashboardWithAuthorizationPolicy(AuthorizationPolicies.Admin, "/hangfire");
        app.MapRazorPages();
        return app;
    }
}
