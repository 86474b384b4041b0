using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProtocolOcr.Api.Errors;
using ProtocolOcr.Api.Review;
using ProtocolOcr.Infrastructure.Blobs;
using ProtocolOcr.Infrastructure.Recognitions;
using ProtocolOcr.Infrastructure.Review;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Pages.Review;

/// <summary>
/// One protocol under review: opening it claims it; entries, the live relation check and the unusable verdict are
/// POSTs with the antiforgery token (header or form field). Photo and aligned page are served from the blob store.
/// </summary>
public sealed class UploadModel(
    ReviewDesk desk,
    ReviewRepository review,
    UploadRepository uploads,
    RecognitionRepository recognitions,
    IOriginalPhotoStore photos,
    AlignedPageStore alignedPages) : PageModel
{
    public ReviewView View { get; private set; } = null!;

    public string OperatorName => User.Identity?.Name ?? throw new InvalidOperationException("Review needs a signed-in operator.");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await desk.LoadAsync(id, OperatorName, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostEnterAsync(Guid id, [FromBody] EntryRequest entry, CancellationToken cancellationToken)
    {
        try
        {
            var result = await review.EnterAsync(id, entry.FieldId, entry.Value, OperatorName, cancellationToken);
            if (result.Finalized)
            {
                await desk.RecomputePrecinctAsync(id, cancellationToken);
            }

            return new JsonResult(new { outcome = result.Outcome.ToString().ToLowerInvariant(), finalized = result.Finalized });
        }
        catch (ReviewRejectedException e)
        {
            return new JsonResult(new ApiError(e.Code, e.Message)) { StatusCode = StatusCodes.Status409Conflict };
        }
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id, [FromBody] Dictionary<string, long?> values, CancellationToken cancellationToken)
    {
        var recognition = await recognitions.GetLatestAsync(id, cancellationToken);
        return recognition is null ? NotFound() : new JsonResult(desk.CheckRelations(recognition.Header.FormId, values));
    }

    public async Task<IActionResult> OnPostUnusableAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        try
        {
            await review.MarkUnusableAsync(id, reason ?? "", OperatorName, cancellationToken);
            await desk.RecomputePrecinctAsync(id, cancellationToken);
            return Redirect("/review?done=unusable");
        }
        catch (ReviewRejectedException e)
        {
            ModelState.AddModelError("reason", e.Message);
            return await OnGetAsync(id, cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetPhotoAsync(Guid id, CancellationToken cancellationToken)
    {
        var upload = await uploads.GetAsync(id, cancellationToken);
        return upload is null
            ? NotFound()
            : File(await photos.GetAsync(upload.BlobKey, cancellationToken), PhotoFormatNames.ContentTypeOf(upload.Format));
    }

    public async Task<IActionResult> OnGetAlignedAsync(Guid id, CancellationToken cancellationToken)
    {
        var recognition = await recognitions.GetLatestAsync(id, cancellationToken);
        return recognition?.Header.AlignedPageKey is { } key
            ? File(await alignedPages.GetAsync(key, cancellationToken), "image/jpeg")
            : NotFound();
    }
}
