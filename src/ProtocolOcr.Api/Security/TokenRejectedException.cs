namespace ProtocolOcr.Api.Security;

/// <summary>Why a bearer token was not accepted, carried from authentication to the challenge answer.</summary>
public sealed class TokenRejectedException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;
}
