namespace ProtocolOcr.Api.Uploads;

public sealed record ReasonResponse(string Code, string Message)
{
    public static ReasonResponse? From(string? code, string? message) =>
        code is null ? null : new ReasonResponse(code, message ?? "");
}
