using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProtocolOcr.Api.Errors;
using ProtocolOcr.Api.Security;
using ProtocolOcr.Infrastructure.Recognitions;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Uploads;

public static class UploadEndpoints
{
    public static string StatusUrl(Guid id) => $"/api/uploads/{id}";

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/uploads").AddEndpointFilter<UploadErrorFilter>().DisableAntiforgery();
        group.MapPost("/", ReceiveAsync)
            .RequireAuthorization(AuthorizationPolicies.Observer)
            .RequireRateLimiting(UploadRateLimit.PolicyName);
        group.MapGet("/{id:guid}", GetStatusAsync).RequireAuthorization();
        return routes;
    }

    private static async Task<Accepted<UploadReceipt>> ReceiveAsync(
        HttpRequest request, ClaimsPrincipal user, UploadIntake intake, IOptions<UploadLimits> limits,
        CancellationToken cancellationToken)
    {
        var submission = await UploadFormReader.ReadAsync(request, limits.Value, cancellationToken);
        var receipt = await intake.ReceiveAsync(submission, UploadSender.From(user), cancellationToken);
        return TypedResults.Accepted(receipt.StatusUrl, receipt);
    }

    private static async Task<Results<Ok<UploadStatusResponse>, JsonHttpResult<ApiError>>> GetStatusAsync(
        Guid id, ClaimsPrincipal user, UploadRepository uploads, UploadSenderRepository senders,
        RecognitionRepository recognitions, CancellationToken cancellationToken)
    {
        var upload = await uploads.GetAsync(id, cancellationToken);
        // Another observer's upload answers as if it did not exist: ids must not reveal what others sent.
        if (upload is null || !(UploadSender.MayRead(user, upload) || await SentTheSamePhotoAsync(user, id, senders, cancellationToken)))
        {
            return TypedResults.Json(new ApiError(UploadReasonCodes.UploadNotFound, $"There is no upload {id}."),
                statusCode: StatusCodes.Status404NotFound);
        }

        var recognition = await recognitions.GetLatestAsync(id, cancellationToken);
        return TypedResults.Ok(UploadStatusResponse.From(upload, recognition));
    }

    private static async Task<bool> SentTheSamePhotoAsync(
        ClaimsPrincipal user, Guid id, UploadSenderRepository senders, CancellationToken cancellationToken) =>
        user.ObserverTokenId() is not null && user.Identity?.Name is { } name
        && await senders.WasSentByAsync(id, name, cancellationToken);
}
