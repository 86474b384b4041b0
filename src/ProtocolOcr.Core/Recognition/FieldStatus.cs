namespace ProtocolOcr.Core.Recognition;

public enum FieldStatus
{
    /// <summary>Confident, and every relation it takes part in holds.</summary>
    Accepted,
    /// <summary>A person must look at it; <see cref="FieldReading.ReviewReason"/> says why.</summary>
    NeedsReview,
    /// <summary>Nothing was read (empty box, optional line absent).</summary>
    Empty,
}
