using Microsoft.AspNetCore.Http.HttpResults;
using ProtocolOcr.Api.Errors;
using ProtocolOcr.Infrastructure.Blobs;
using ProtocolOcr.Infrastructure.Downstream.Consensus;
using ProtocolOcr.Infrastructure.Downstream.Evidence;
using ProtocolOcr.Infrastructure.Downstream.Report;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Downstream.Report;

/// <summary>
/// <c>GET /report?election=ID</c> (the HTML report), <c>GET /api/photos/{uploadId}</c> (an original as stored) and
/// <c>GET /api/evidence?election=&amp;region=&amp;precinct=</c> (a precinct's evidence zip; its manifest hash in
/// <c>X-Manifest-SHA256</c>).
/// </summary>
public static class ReportEndpoints
{
    public const string ManifestHashHeader = "X-Manifest-SHA256";

    public static IEnumerable<RouteHandlerBuilder> MapReportEndpoints(this IEndpointRouteBuilder routes) =>
    [
        routes.MapGet("/report", ReportAsync),
        routes.MapGet("/api/photos/{uploadId:guid}", PhotoAsync),
        routes.MapGet("/api/evidence", EvidenceAsync),
    ];

    private static async Task<Results<ContentHttpResult, JsonHttpResult<ApiError>>> ReportAsync(
        string election, ReportRepository reports, EvidencePackageBuilder evidence, CancellationToken cancellationToken)
    {
        var data = await reports.LoadAsync(election, cancellationToken);
        if (data is null)
        {
            return NotFound(DownstreamReasonCodes.ElectionNotFound, $"There is no election '{election}'.");
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in data.LargestDifferences)
        {
            hashes[row.Region + "/" + row.Precinct] =
                await evidence.ManifestHashAsync(new PrecinctKey(election, row.Region, row.Precinct), cancellationToken);
        }

        return TypedResults.Content(ReportPage.Render(data, hashes), "text/html; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, JsonHttpResult<ApiError>>> PhotoAsync(
        Guid uploadId, UploadRepository uploads, IOriginalPhotoStore photos, CancellationToken cancellationToken)
    {
        if (await uploads.GetAsync(uploadId, cancellationToken) is not { } upload)
        {
            return NotFound(DownstreamReasonCodes.UploadNotFound, $"There is no upload {uploadId}.");
        }

        var content = await photos.GetAsync(upload.BlobKey, cancellationToken);
        return TypedResults.File(content, ContentType(upload.Format), $"{upload.Sha256}.{upload.Format}");
    }

    private static async Task<Results<FileContentHttpResult, JsonHttpResult<ApiError>>> EvidenceAsync(
        string election, string region, string precinct, EvidencePackageBuilder evidence, HttpResponse response,
        CancellationToken cancellationToken)
    {
        EvidencePackage package;
        try
        {
            package = await evidence.BuildAsync(new PrecinctKey(election, region, precinct), cancellationToken);
        }
        catch (KeyNotFoundException e)
        {
            return NotFound(DownstreamReasonCodes.PrecinctNotFound, e.Message);
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Json(new ApiError(DownstreamReasonCodes.OriginalAltered, e.Message), statusCode: StatusCodes.Status500InternalServerError);
        }

        response.Headers[ManifestHashHeader] = package.ManifestSha256;
        return TypedResults.File(package.Zip, "application/zip", package.FileName);
    }

    private static string ContentType(string format) => format switch
    {
        "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "heic" => "image/heic",
        _ => "application/octet-stream",
    };

    private static JsonHttpResult<ApiError> NotFound(string code, string message) =>
        TypedResults.Json(new ApiError(code, message), statusCode: StatusCodes.Status404NotFound);
}
