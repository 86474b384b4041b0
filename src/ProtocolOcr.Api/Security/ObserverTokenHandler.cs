using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;
using ProtocolOcr.Api.Errors;
using ProtocolOcr.Infrastructure;
using ProtocolOcr.Infrastructure.People;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the hashed observer tokens. Refusals answer JSON with
/// a reason code (<c>missing_token</c>, <c>invalid_token</c>, <c>revoked_token</c>) instead of a bare 401.
/// </summary>
public sealed class ObserverTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ObserverTokenRepository tokens,
    NpgsqlDataSource dataSource)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";
    private const int RetryAfterSeconds = 30;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            return Reject(StatusCodes.Status401Unauthorized, SecurityReasonCodes.InvalidToken,
                "Send the observer token as 'Authorization: Bearer <token>'.");
        }

        ObserverToken? token;
        try
        {
            token = await tokens.FindByTokenAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        }
        catch (Exception e) when (TransientFailures.IsTransient(e))
        {
            Logger.LogWarning(e, "Cannot check an observer token: storage unavailable");
            if (TransientFailures.IsDatabaseFailure(e))
            {
                dataSource.Clear();
            }

            return Reject(StatusCodes.Status503ServiceUnavailable, UploadReasonCodes.StorageUnavailable,
                "Storage is unavailable; nothing was saved. Send the photo again in a little while.");
        }

        if (token is null)
        {
            return Reject(StatusCodes.Status401Unauthorized, SecurityReasonCodes.InvalidToken, "This observer token is not known.");
        }

        if (token.IsRevoked)
        {
            return Reject(StatusCodes.Status401Unauthorized, SecurityReasonCodes.RevokedToken,
                "This observer token was revoked; ask the coordinator for a new one.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, token.Id.ToString()),
            new Claim(ClaimTypes.Name, token.ObserverName),
            new Claim(ClaimTypes.Role, UserRoles.Observer),
            new Claim(ObserverClaims.TokenId, token.Id.ToString()),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var rejection = result.Failure as TokenRejectedException ?? new TokenRejectedException(StatusCodes.Status401Unauthorized,
            SecurityReasonCodes.MissingToken, "An observer token is required: send 'Authorization: Bearer <token>'.");
        if (rejection.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            Response.Headers.WWWAuthenticate = $"Bearer error=\"{rejection.Code}\"";
        }

        Response.StatusCode = rejection.StatusCode;
        await Response.WriteAsJsonAsync(new ApiError(rejection.Code, rejection.Message), Context.RequestAborted);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Response.WriteAsJsonAsync(
            new ApiError(SecurityReasonCodes.Forbidden, "This token does not allow this action."), Context.RequestAborted);
    }

    private static AuthenticateResult Reject(int statusCode, string code, string message) =>
        AuthenticateResult.Fail(new TokenRejectedException(statusCode, code, message));
}
