using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Recognition;

public static class ValueAlternativeRanking
{
    /// <summary>The <paramref name="count"/> most likely distinct values, each with the best confidence any source gave it.</summary>
    public static List<ValueAlternative> Strongest(this IEnumerable<ValueAlternative> alternatives, int count) =>
        alternatives
            .GroupBy(alternative => alternative.Value)
            .Select(group => group.MaxBy(alternative => alternative.Confidence)!)
            .OrderByDescending(alternative => alternative.Confidence)
            .Take(count)
            .ToList();
}
