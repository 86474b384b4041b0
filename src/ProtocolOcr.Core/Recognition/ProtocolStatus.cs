namespace ProtocolOcr.Core.Recognition;

/// <summary>Where an upload stands. Stored as the snake_case name (see <see cref="ProtocolStatusNames"/>).</summary>
public enum ProtocolStatus
{
    Queued,
    Processing,
    Accepted,
    NeedsReview,
    Rejected,
    Failed,
}
