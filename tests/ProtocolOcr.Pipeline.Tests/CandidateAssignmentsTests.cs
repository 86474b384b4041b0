using ProtocolOcr.Pipeline.Arithmetic;

namespace ProtocolOcr.Pipeline.Tests;

public sealed class CandidateAssignmentsTests
{
    [Fact]
    public void Every_assignment_comes_once_in_falling_probability()
    {
        IReadOnlyList<IReadOnlyList<double>> probabilities = [[0.6, 0.3, 0.1], [0.9, 0.1], [0.5, 0.4, 0.05, 0.05]];

        var assignments = CandidateAssignments.InFallingProbability(probabilities).ToList();

        Assert.Equal(3 * 2 * 4, assignments.Count);
        Assert.Equal(assignments.Count, assignments.Select(a => string.Join(",", a.Choice)).Distinct().Count());
        Assert.All(assignments.Zip(assignments.Skip(1)), pair => Assert.True(pair.First.LogProbability >= pair.Second.LogProbability - 1e-12));
        Assert.Equal(Math.Log(0.6 * 0.9 * 0.5), assignments[0].LogProbability, 12);
        Assert.Equal(1.0, assignments.Sum(a => Math.Exp(a.LogProbability)), 9);
    }
}
