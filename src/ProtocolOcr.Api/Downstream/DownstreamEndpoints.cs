using ProtocolOcr.Api.Downstream.Report;

namespace ProtocolOcr.Api.Downstream;

public static class DownstreamEndpoints
{
    /// <summary>
    /// Maps import (admin), the results API and CSV export, photos, evidence packages and the report (analyst), each
    /// requiring the given authorization policy.
    /// </summary>
    public static IEndpointRouteBuilder MapDownstreamEndpoints(this IEndpointRouteBuilder routes, string analystPolicy, string adminPolicy)
    {
        routes.MapImportEndpoint().RequireAuthorization(adminPolicy);
        routes.MapResultsEndpoint().RequireAuthorization(analystPolicy);
        foreach (var endpoint in routes.MapReportEndpoints())
        {
            endpoint.RequireAuthorization(analystPolicy);
        }

        return routes;
    }
}
