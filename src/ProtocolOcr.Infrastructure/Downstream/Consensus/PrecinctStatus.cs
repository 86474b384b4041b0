namespace ProtocolOcr.Infrastructure.Downstream.Consensus;

/// <summary>The stored consensus statuses of a precinct.</summary>
public static class PrecinctStatus
{
    /// <summary>Every required count line has a final value and no photos disagree.</summary>
    public const string Verified = "verified";

    /// <summary>Photos (or operators' decisions) disagree on at least one line.</summary>
    public const string NeedsReview = "needs_review";

    /// <summary>No disagreement, but some required line has no trusted value yet (unread or awaiting review).</summary>
    public const string Incomplete = "incomplete";
}
