namespace ProtocolOcr.Infrastructure.Review;

/// <summary>The outcome of an entry and whether it completed the upload's review (final values written).</summary>
public sealed record EntryResult(EntryOutcome Outcome, bool Finalized);
