namespace ProtocolOcr.Infrastructure.Review;

/// <summary>Settings under <c>Review</c>.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>How long opening or working on an upload keeps other operators out of it.</summary>
    public int ClaimMinutes { get; set; } = 15;
}
