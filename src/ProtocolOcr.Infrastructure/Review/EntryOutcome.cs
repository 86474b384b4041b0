namespace ProtocolOcr.Infrastructure.Review;

/// <summary>What one operator entry did.</summary>
public enum EntryOutcome
{
    /// <summary>The operator kept the pipeline's reading.</summary>
    Kept,

    /// <summary>A changed value, now waiting for a second operator to enter the same value.</summary>
    Proposed,

    /// <summary>A second operator entered the same changed value: the correction is final.</summary>
    Confirmed,

    /// <summary>A second operator entered a different value: that value is the new proposal.</summary>
    Disagreed,
}
