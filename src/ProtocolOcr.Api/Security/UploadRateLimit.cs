using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ProtocolOcr.Api.Errors;

namespace ProtocolOcr.Api.Security;

/// <summary>A fixed window of uploads per observer token (or staff member); over it the answer is 429 + Retry-After.</summary>
public static class UploadRateLimit
{
    public const string PolicyName = "uploads";

    public static void Register(RateLimiterOptions limiter)
    {
        limiter.AddPolicy(PolicyName, context =>
        {
            var settings = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(context.User.CallerKey(), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.UploadsPerWindow,
                Window = TimeSpan.FromSeconds(settings.UploadWindowSeconds),
                QueueLimit = 0,
            });
        });
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var response = rejected.HttpContext.Response;
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                : rejected.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.UploadWindowSeconds;
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await response.WriteAsJsonAsync(new ApiError(SecurityReasonCodes.RateLimited,
                $"Too many uploads from this token; wait {retryAfter} seconds and send the photo again."), cancellationToken);
        };
    }
}
