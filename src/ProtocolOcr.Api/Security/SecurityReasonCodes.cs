namespace ProtocolOcr.Api.Security;

/// <summary>Reason codes of authentication, authorization and throttling answers.</summary>
public static class SecurityReasonCodes
{
    public const string MissingToken = "missing_token";
    public const string InvalidToken = "invalid_token";
    public const string RevokedToken = "revoked_token";
    public const string NotSignedIn = "not_signed_in";
    public const string Forbidden = "forbidden";
    public const string RateLimited = "rate_limited";
    public const string LoginLocked = "login_locked";
}
