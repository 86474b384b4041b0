using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using ProtocolOcr.Api.Errors;
using ProtocolOcr.Infrastructure.Downstream.Results;

namespace ProtocolOcr.Api.Downstream;

/// <summary>
/// <c>GET /api/results/{view}?election=&amp;region=&amp;precinct=&amp;page=&amp;pageSize=</c>: a page of a view as JSON;
/// <c>GET /api/results/{view}.csv?...</c>: every matching row as CSV, with the same filters.
/// </summary>
public static class ResultsEndpoints
{
    public const int MaxPageSize = 1000;
    public const string CsvSuffix = ".csv";

    public static RouteHandlerBuilder MapResultsEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/results/{view}", GetAsync);

    private static async Task<Results<Ok<ResultPage>, EmptyHttpResult, JsonHttpResult<ApiError>>> GetAsync(
        string view, string? election, string? region, string? precinct, int? page, int? pageSize,
        ResultsRepository results, HttpResponse response, CancellationToken cancellationToken)
    {
        var csv = view.EndsWith(CsvSuffix, StringComparison.Ordinal);
        var name = csv ? view[..^CsvSuffix.Length] : view;
        if (ResultViews.Find(name) is not { } resultView)
        {
            return TypedResults.Json(new ApiError(DownstreamReasonCodes.UnknownView,
                    $"Unknown view '{name}'; use one of: {string.Join(", ", ResultViews.All.Select(v => v.Name))}."),
                statusCode: StatusCodes.Status404NotFound);
        }

        var filter = new ResultFilter(election, region, precinct);
        if (csv)
        {
            await WriteCsvAsync(resultView, filter, results, response, cancellationToken);
            return TypedResults.Empty;
        }

        var (pageNumber, size) = (page ?? 1, pageSize ?? 100);
        if (pageNumber < 1 || size < 1 || size > MaxPageSize)
        {
            return TypedResults.Json(new ApiError(DownstreamReasonCodes.InvalidPaging,
                $"page must be 1 or more and pageSize between 1 and {MaxPageSize}."), statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await results.PageAsync(resultView, filter, pageNumber, size, cancellationToken));
    }

    private static async Task WriteCsvAsync(
        ResultView view, ResultFilter filter, ResultsRepository results, HttpResponse response, CancellationToken cancellationToken)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{view.Name}.csv\"";
        await using var text = new StreamWriter(response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await using (var writer = CsvWriter.Create(text, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            writer.WriteHeader([.. view.Columns]);
            await foreach (var row in results.AllAsync(view, filter, cancellationToken))
            {
                await writer.WriteRecordAsync(view.Columns.Select(c => CsvCell(row[c])).ToArray(), cancellationToken);
            }
        }

        await text.FlushAsync(cancellationToken);
    }

    /// <summary>Invariant numbers, ISO times, and arrays (upload ids) joined with spaces so a cell stays one value.</summary>
    private static string CsvCell(object? value) => value switch
    {
        null => "",
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        Array array => string.Join(' ', array.Cast<object>().Select(CsvCell)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
