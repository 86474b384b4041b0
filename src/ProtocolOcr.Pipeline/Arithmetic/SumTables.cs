namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// The partial sums of an equality's private fields over their listed values, forward and backward, computed once per
/// protocol: each combination of the shared fields' values only moves the target (<see cref="Block"/>).
/// </summary>
public sealed class SumTables
{
    /// <summary>Relative mass under which a partial sum is dropped: it cannot move a posterior.</summary>
    private const double Negligible = 1e-8;

    private readonly IReadOnlyList<FieldBelief> _beliefs;
    private readonly IReadOnlyList<int> _fields;
    private readonly IReadOnlyList<long> _coefficients;
    private readonly List<Dictionary<long, double>> _forward = [new() { [0] = 1 }];
    private readonly Dictionary<long, double>[] _backward;
    private readonly UnlistedRepairs _repairs;
    private readonly Dictionary<long, RelationBlock> _blocks = [];

    public SumTables(IReadOnlyList<FieldBelief> beliefs, IReadOnlyList<int> fields, IReadOnlyList<long> coefficients, MisreadModel misreads)
    {
        _repairs = new UnlistedRepairs(beliefs, fields, coefficients, misreads);
        _beliefs = beliefs;
        _fields = fields;
        _coefficients = coefficients;
        for (var index = 0; index < fields.Count; index++)
        {
            _forward.Add(Extend(_forward[index], beliefs[fields[index]], coefficients[index]));
        }

        _backward = new Dictionary<long, double>[fields.Count + 1];
        _backward[fields.Count] = new() { [0] = 1 };
        for (var index = fields.Count - 1; index >= 0; index--)
        {
            _backward[index] = Extend(_backward[index + 1], beliefs[fields[index]], coefficients[index]);
        }
    }

    /// <summary>
    /// The equality <c>offset + sum(coefficient * value) == 0</c> (within <paramref name="tolerance"/>) over the private
    /// fields: exact over the listed values, plus the hypotheses with at least one unlisted value, which the equality
    /// then determines: weighed by how likely that value is as a misread (<see cref="UnlistedRepairs"/>), the rarer ones
    /// at <paramref name="coincidence"/>. A relation keeps one tolerance and coincidence, so a block is computed once
    /// per offset (per combination of the shared values it reads, not of all of them).
    /// </summary>
    public RelationBlock Block(long offset, long tolerance, double coincidence)
    {
        if (_blocks.TryGetValue(offset, out var known))
        {
            return known;
        }

        var marginals = new Dictionary<int, Dictionary<long, double>>();
        var unlisted = new Dictionary<int, double>();
        for (var index = 0; index < _fields.Count; index++)
        {
            var belief = _beliefs[_fields[index]];
            var held = index;
            var forward = _forward[index];
            var backward = _backward[index + 1];
            var coefficient = _coefficients[index];
            marginals[_fields[index]] = belief.Candidates.ToDictionary(
                candidate => candidate.Value,
                candidate => candidate.Confidence * (Matching(forward, backward, offset + (coefficient * candidate.Value), tolerance)
                    + _repairs.Weight(held, offset + (coefficient * candidate.Value), tolerance, coincidence)));
            unlisted[_fields[index]] = coincidence * belief.Unlisted;
        }

        var mass = Matching(_forward[_fields.Count], _backward[_fields.Count], offset, tolerance) + _repairs.Weight(UnlistedRepairs.NoneHeld, offset, tolerance, coincidence);
        return _blocks[offset] = new RelationBlock(mass, marginals, unlisted);
    }

    /// <summary>The mass of the pairs of partial sums that, with <paramref name="offset"/>, come within the tolerance of zero (walks the smaller table).</summary>
    private static double Matching(Dictionary<long, double> left, Dictionary<long, double> right, long offset, long tolerance)
    {
        if (left.Count > right.Count)
        {
            (left, right) = (right, left);
        }

        var mass = 0.0;
        foreach (var (sum, probability) in left)
        {
            for (var step = -tolerance; step <= tolerance; step++)
            {
                mass += right.TryGetValue(step - offset - sum, out var other) ? probability * other : 0;
            }
        }

        return mass;
    }

    private static Dictionary<long, double> Extend(Dictionary<long, double> partial, FieldBelief belief, long coefficient)
    {
        var next = new Dictionary<long, double>();
        foreach (var (sum, probability) in partial)
        {
            foreach (var candidate in belief.Candidates)
            {
                var key = sum + (coefficient * candidate.Value);
                next[key] = next.GetValueOrDefault(key) + (probability * candidate.Confidence);
            }
        }

        var floor = next.Count == 0 ? 0 : next.Values.Max() * Negligible;
        return next.Where(pair => pair.Value >= floor).ToDictionary(pair => pair.Key, pair => pair.Value);
    }
}
