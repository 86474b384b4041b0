using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProtocolOcr.Api.Security;

namespace ProtocolOcr.Api.Pages.Account;

/// <summary>Sign-out is a POST (with antiforgery) so a link on another site cannot sign anyone out.</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/Login");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AuthenticationSchemes.Staff);
        return RedirectToPage("/Account/Login");
    }
}
