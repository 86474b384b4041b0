using Npgsql;
using ProtocolOcr.Infrastructure;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Errors;

/// <summary>
/// Turns refusals into their 4xx answer and storage outages into 503 with Retry-After; anything else is a bug
/// and is left to the exception handler (500).
/// </summary>
public sealed class UploadErrorFilter(NpgsqlDataSource dataSource, ILogger<UploadErrorFilter> logger) : IEndpointFilter
{
    private const int RetryAfterSeconds = 30;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (UploadRejectedException e)
        {
            return TypedResults.Json(new ApiError(e.Code, e.Message), statusCode: e.StatusCode);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Json(new ApiError(UploadReasonCodes.FileTooLarge, "The request body is larger than allowed."),
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (TransientFailures.IsTransient(e))
        {
            logger.LogWarning(e, "Storage unavailable while handling {Path}", context.HttpContext.Request.Path);
            if (TransientFailures.IsDatabaseFailure(e))
            {
                // Pooled connections to a server that went away are dead; drop them so the next request reconnects.
                dataSource.Clear();
            }

            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Json(
                new ApiError(UploadReasonCodes.StorageUnavailable,
                    "Storage is unavailable; nothing was saved. Send the photo again in a little while."),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
