namespace ProtocolOcr.Api.Security;

public static class AuthenticationSchemes
{
    /// <summary>Staff sign in with a password and carry this cookie.</summary>
    public const string Staff = "Staff";

    /// <summary>Observers send <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public const string ObserverToken = "ObserverToken";

    /// <summary>The default: picks <see cref="ObserverToken"/> or <see cref="Staff"/> per request.</summary>
    public const string StaffOrObserver = "StaffOrObserver";

    public const string StaffCookieName = "protocolocr.staff";
}
