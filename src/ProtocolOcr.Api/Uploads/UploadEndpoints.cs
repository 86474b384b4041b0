using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProtocolOcr.Api.Errors;
using ProtocolOcr.Infrastructure.Recognitions;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Uploads;

public static class UploadEndpoints
{
    public static string StatusUrl(Guid id) => $"/api/uploads/{id}";

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/uploads").AddEndpointFilter<UploadErrorFilter>().DisableAntiforgery();
        group.MapPost("/", ReceiveAsync);
        group.MapGet("/{id:guid}", GetStatusAsync);
        return routes;
    }

    private static async Task<Accepted<UploadReceipt>> ReceiveAsync(
        HttpRequest request, UploadIntake intake, IOptions<UploadLimits> limits, CancellationToken cancellationToken)
    {
        var submission = await UploadFormReader.ReadAsync(request, limits.Value, cancellationToken);
        var receipt = await intake.ReceiveAsync(submission, cancellationToken);
        return TypedResults.Accepted(receipt.StatusUrl, receipt);
    }

    private static async Task<Results<Ok<UploadStatusResponse>, JsonHttpResult<ApiError>>> GetStatusAsync(
        Guid id, UploadRepository uploads, RecognitionRepository recognitions, CancellationToken cancellationToken)
    {
        var upload = await uploads.GetAsync(id, cancellationToken);
        if (upload is null)
        {
            return TypedResults.Json(new ApiError(UploadReasonCodes.UploadNotFound, $"There is no upload {id}."),
                statusCode: StatusCodes.Status404NotFound);
        }

        var recognition = await recognitions.GetLatestAsync(id, cancellationToken);
        return TypedResults.Ok(UploadStatusResponse.From(upload, recognition));
    }
}
