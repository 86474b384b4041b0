namespace ProtocolOcr.Infrastructure.Review;

/// <summary>A review action that cannot be done now (claimed by someone else, not under review, unknown field).</summary>
public sealed class ReviewRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
