namespace ProtocolOcr.Api.Security;

/// <summary>
/// Picks the scheme of a request: a bearer header means an observer token; the staff cookie means staff; with
/// neither, API calls are challenged as observers (JSON 401) and pages as staff (redirect to sign-in).
/// </summary>
public static class SchemeSelector
{
    public static string Select(HttpContext context)
    {
        if (!string.IsNullOrEmpty(context.Request.Headers.Authorization))
        {
            return AuthenticationSchemes.ObserverToken;
        }

        if (context.Request.Cookies.ContainsKey(AuthenticationSchemes.StaffCookieName))
        {
            return AuthenticationSchemes.Staff;
        }

        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? AuthenticationSchemes.ObserverToken
            : AuthenticationSchemes.Staff;
    }
}
