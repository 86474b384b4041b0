using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProtocolOcr.Api.Pages.Account;

/// <summary>Where a signed-in user lands when their role is refused; answers 403 so tools and tests see the refusal.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
