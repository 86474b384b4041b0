namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// Enumerates one candidate per field in order of falling joint probability (the product of the chosen candidates'
/// probabilities; every list is sorted most likely first). Each assignment is visited once: a successor only advances
/// a field at or after the one its parent advanced.
/// </summary>
public static class CandidateAssignments
{
    /// <summary>Each assignment as the chosen candidate index per field, with its log probability.</summary>
    public static IEnumerable<(int[] Choice, double LogProbability)> InFallingProbability(IReadOnlyList<IReadOnlyList<double>> probabilities)
    {
        if (probabilities.Count == 0 || probabilities.Any(list => list.Count == 0))
        {
            yield break;
        }

        var logs = probabilities.Select(list => list.Select(probability => Math.Log(probability)).ToArray()).ToArray();
        var queue = new PriorityQueue<(int[] Choice, int Advanced, double LogProbability), double>();
        var first = new int[logs.Length];
        var firstLog = logs.Sum(list => list[0]);
        queue.Enqueue((first, 0, firstLog), -firstLog);
        while (queue.TryDequeue(out var item, out _))
        {
            yield return (item.Choice, item.LogProbability);
            for (var field = item.Advanced; field < logs.Length; field++)
            {
                var next = item.Choice[field] + 1;
                if (next >= logs[field].Length)
                {
                    continue;
                }

                var choice = (int[])item.Choice.Clone();
                choice[field] = next;
                var log = item.LogProbability - logs[field][next - 1] + logs[field][next];
                queue.Enqueue((choice, field, log), -log);
            }
        }
    }
}
