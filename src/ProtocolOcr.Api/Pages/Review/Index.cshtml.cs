using Microsoft.AspNetCore.Mvc.RazorPages;
using ProtocolOcr.Infrastructure.Review;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Pages.Review;

/// <summary>The queue: uploads needing review, oldest first, filterable by election and region, with live claims shown.</summary>
public sealed class IndexModel(ReviewRepository review, ElectionRepository elections) : PageModel
{
    public IReadOnlyList<ReviewQueueItem> Items { get; private set; } = [];

    public IReadOnlyList<Election> Elections { get; private set; } = [];

    public string? Election { get; private set; }

    public string? Region { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(string? election, string? region, string? done, CancellationToken cancellationToken)
    {
        Election = string.IsNullOrWhiteSpace(election) ? null : election.Trim();
        Region = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
        Done = done switch
        {
            "unusable" => "The photo was marked unusable.",
            "finished" => "Review finished: the final values are saved.",
            _ => null,
        };
        Elections = await elections.ListAsync(cancellationToken);
        Items = await review.QueueAsync(Election, Region, cancellationToken);
    }
}
