namespace ProtocolOcr.Core.Recognition;

public static class ProtocolStatusNames
{
    public static string ToWire(this ProtocolStatus status) => status switch
    {
        ProtocolStatus.Queued => "queued",
        ProtocolStatus.Processing => "processing",
        ProtocolStatus.Accepted => "accepted",
        ProtocolStatus.NeedsReview => "needs_review",
        ProtocolStatus.Rejected => "rejected",
        ProtocolStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static ProtocolStatus Parse(string wire) => wire switch
    {
        "queued" => ProtocolStatus.Queued,
        "processing" => ProtocolStatus.Processing,
        "accepted" => ProtocolStatus.Accepted,
        "needs_review" => ProtocolStatus.NeedsReview,
        "rejected" => ProtocolStatus.Rejected,
        "failed" => ProtocolStatus.Failed,
        _ => throw new FormatException($"Unknown protocol status '{wire}'."),
    };
}
