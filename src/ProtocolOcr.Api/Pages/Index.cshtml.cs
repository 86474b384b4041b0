using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProtocolOcr.Api.Pages;

/// <summary>The staff start page: links to what the signed-in role may open.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
