using System.Security.Claims;

namespace ProtocolOcr.Api.Security;

/// <summary>Claims of a caller; an observer's principal also names the token it came with.</summary>
public static class ObserverClaims
{
    public const string TokenId = "protocolocr:observer_token";

    public static Guid? ObserverTokenId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TokenId), out var id) ? id : null;

    /// <summary>The partition key for per-caller limits: the observer token, else the staff user's name.</summary>
    public static string CallerKey(this ClaimsPrincipal user) =>
        user.FindFirstValue(TokenId) is { } token ? "token:" + token : "user:" + (user.Identity?.Name ?? "");
}
