using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ProtocolOcr.Api.Errors;
using ProtocolOcr.Infrastructure.Downstream.Import;

namespace ProtocolOcr.Api.Downstream;

/// <summary><c>POST /api/import/{kind}</c>: one reference CSV as a <c>text/csv</c> body or a multipart <c>file</c> part.</summary>
public static class ImportEndpoints
{
    public const string FilePart = "file";

    public static RouteHandlerBuilder MapImportEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/import/{kind}", ImportAsync).DisableAntiforgery();

    private static async Task<Results<Ok<ImportResponse>, JsonHttpResult<ImportRefusal>, JsonHttpResult<ApiError>>> ImportAsync(
        string kind, HttpRequest request, ReferenceDataImporter importer, CancellationToken cancellationToken)
    {
        if (!ReferenceDataKinds.TryParse(kind, out var dataKind))
        {
            return Error(StatusCodes.Status404NotFound, DownstreamReasonCodes.UnknownKind,
                $"Unknown import '{kind}'; use one of: {string.Join(", ", ReferenceDataKinds.Names)}.");
        }

        using var reader = await OpenCsvAsync(request, cancellationToken);
        if (reader is null)
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, DownstreamReasonCodes.UnsupportedContentType,
                $"Send the CSV as a text/csv body or as multipart/form-data with a '{FilePart}' part.");
        }

        var result = await importer.ImportAsync(dataKind, reader, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new ImportResponse(kind, result.RowsImported))
            : TypedResults.Json(new ImportRefusal(DownstreamReasonCodes.ImportRefused,
                $"Nothing imported: {result.Errors.Count} row(s) refused.", result.Errors), statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<TextReader?> OpenCsvAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form.Files.GetFile(FilePart) is { } file ? new StreamReader(file.OpenReadStream(), Encoding.UTF8) : null;
        }

        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        // The CSV reader reads synchronously, which Kestrel forbids on the request body: buffer it first (the body is
        // bounded by the server's request size limit).
        using var body = new StreamReader(request.Body, Encoding.UTF8);
        return new StringReader(await body.ReadToEndAsync(cancellationToken));
    }

    private static JsonHttpResult<ApiError> Error(int status, string code, string message) =>
        TypedResults.Json(new ApiError(code, message), statusCode: status);
}
