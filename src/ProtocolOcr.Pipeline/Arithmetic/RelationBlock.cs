namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// One relation's fields that take part in no other relation (its private fields), summed over once the values of the
/// shared fields are fixed: <see cref="Mass"/> is the probability that the private fields hold values under which the
/// relation holds, <see cref="Marginals"/> that mass split by each private field's value (null: a value the engines
/// did not list, which an equality absorbs).
/// </summary>
public sealed record RelationBlock(double Mass, IReadOnlyDictionary<int, Dictionary<long, double>> Marginals, IReadOnlyDictionary<int, double> UnlistedMass)
{
    /// <summary>
    /// Any other relation over a few private fields: every combination of their options, an unlisted value counted as
    /// satisfying it (an inequality leaves room for most values). More than three fields: no constraint is used.
    /// </summary>
    /// <param name="values">Every field's value, the shared ones set; the private ones are written here in turn.</param>
    public static RelationBlock Enumerated(IReadOnlyList<FieldBelief> beliefs, IReadOnlyList<int> fields, Func<long?[], bool?> holds, long?[] values)
    {
        if (fields.Count > 3)
        {
            return Unconstrained(beliefs, fields);
        }

        var options = fields.Select(field => beliefs[field].Options()).ToList();
        var marginals = fields.ToDictionary(field => field, _ => new Dictionary<long, double>());
        var unlisted = fields.ToDictionary(field => field, _ => 0.0);
        var mass = 0.0;
        var choice = new int[fields.Count];
        while (true)
        {
            var probability = 1.0;
            for (var index = 0; index < fields.Count; index++)
            {
                values[fields[index]] = options[index][choice[index]].Value;
                probability *= options[index][choice[index]].Probability;
            }

            if (holds(values) != false)
            {
                mass += probability;
                for (var index = 0; index < fields.Count; index++)
                {
                    if (values[fields[index]] is { } value)
                    {
                        marginals[fields[index]][value] = marginals[fields[index]].GetValueOrDefault(value) + probability;
                    }
                    else
                    {
                        unlisted[fields[index]] += probability;
                    }
                }
            }

            var position = 0;
            while (position < fields.Count && ++choice[position] == options[position].Count)
            {
                choice[position++] = 0;
            }

            if (position == fields.Count)
            {
                return new RelationBlock(mass, marginals, unlisted);
            }
        }
    }

    /// <summary>The private fields of a relation that cannot be judged now (a shared value it needs is unknown): their own beliefs.</summary>
    public static RelationBlock Unconstrained(IReadOnlyList<FieldBelief> beliefs, IReadOnlyList<int> fields) => new(
        1,
        fields.ToDictionary(field => field, field => beliefs[field].Candidates.ToDictionary(candidate => candidate.Value, candidate => candidate.Confidence)),
        fields.ToDictionary(field => field, field => beliefs[field].Unlisted));
}
