namespace ProtocolOcr.Infrastructure.Review;

public static class ReviewReasonCodes
{
    public const string ClaimedByOther = "claimed_by_other";
    public const string NotUnderReview = "not_under_review";
    public const string UnknownField = "unknown_field";
    public const string InvalidValue = "invalid_value";
    public const string UnusablePhoto = "unusable_photo";
    public const string MissingReason = "missing_reason";
}
