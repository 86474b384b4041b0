using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Pipeline;

/// <summary>
/// Stage 6 output: every relation checked on the values read, and for each field the error-level relations it takes
/// part in that fail (<see cref="Failed"/>) or could not be checked for a missing value (<see cref="Unverified"/>), and
/// the fields pinned by an error-level equality that holds (<see cref="Witnessed"/>): arithmetic vouches for them.
/// </summary>
public sealed record ValidationReport(
    IReadOnlyList<RelationCheck> Checks,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Failed,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Unverified,
    IReadOnlySet<string> Witnessed)
{
    public IReadOnlyList<string> FailedRelationsOf(string fieldId) => Failed.GetValueOrDefault(fieldId) ?? [];

    public IReadOnlyList<string> UnverifiedRelationsOf(string fieldId) => Unverified.GetValueOrDefault(fieldId) ?? [];

    public bool IsWitnessedByArithmetic(string fieldId) => Witnessed.Contains(fieldId);
}
