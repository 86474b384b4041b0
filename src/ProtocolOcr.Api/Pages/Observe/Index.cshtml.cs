using Microsoft.AspNetCore.Mvc.RazorPages;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Pages.Observe;

/// <summary>
/// The observer's upload page. Open to anyone: it holds no data itself; the observer's token (kept in the phone's
/// localStorage) authorizes each upload and status call to the API.
/// </summary>
public sealed class IndexModel(ElectionRepository elections) : PageModel
{
    public IReadOnlyList<Election> Elections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Elections = await elections.ListAsync(cancellationToken);
}
