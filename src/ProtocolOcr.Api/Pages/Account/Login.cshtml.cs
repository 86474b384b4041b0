using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProtocolOcr.Api.Security;
using ProtocolOcr.Infrastructure.People;

namespace ProtocolOcr.Api.Pages.Account;

/// <summary>Staff sign-in with throttling per (user name, address): locked pairs get 429 without a password check.</summary>
public sealed class LoginModel(UserRepository users, LoginThrottle throttle, ILogger<LoginModel> logger) : PageModel
{
    public string? Error { get; private set; }

    public string Name { get; private set; } = "";

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        Name = name?.Trim() ?? "";
        ReturnUrl = SafeReturnUrl(returnUrl);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (throttle.LockedFor(Name, address) is { } left)
        {
            logger.LogWarning("Sign-in for {User} from {Address} refused: locked out", Name, address);
            Response.Headers.RetryAfter = ((int)Math.Ceiling(left.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Refuse(StatusCodes.Status429TooManyRequests,
                $"Too many failed sign-ins. Try again in {Math.Ceiling(left.TotalMinutes)} minutes.");
        }

        var user = Name.Length == 0 || string.IsNullOrEmpty(password) ? null : await users.VerifyAsync(Name, password, cancellationToken);
        if (user is null)
        {
            throttle.RecordFailure(Name, address);
            logger.LogWarning("Failed sign-in for {User} from {Address}", Name, address);
            return Refuse(StatusCodes.Status401Unauthorized, "The user name or password is wrong, or the account is disabled.");
        }

        throttle.RecordSuccess(Name, address);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, user.Role),
        ], AuthenticationSchemes.Staff);
        await HttpContext.SignInAsync(AuthenticationSchemes.Staff, new ClaimsPrincipal(identity));
        return LocalRedirect(ReturnUrl);
    }

    private PageResult Refuse(int statusCode, string message)
    {
        Error = message;
        var page = Page();
        page.StatusCode = statusCode;
        return page;
    }

    private string SafeReturnUrl(string? returnUrl) => returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
