namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// The weight of the hypotheses in which some of an equality's fields hold a value the engines did not list, which the
/// equality then determines. The one-unlisted-field hypotheses are weighed by how likely that determined value is as
/// a misread of the value read (<see cref="MisreadModel"/>), with every other field at its value read or one of them at
/// an alternative; the rest (several unlisted, several alternatives) keeps the flat chance <c>coincidence</c>.
/// </summary>
internal sealed class UnlistedRepairs
{
    private readonly IReadOnlyList<FieldBelief> _beliefs;
    private readonly IReadOnlyList<int> _fields;
    private readonly IReadOnlyList<long> _coefficients;
    private readonly MisreadModel _model;
    private readonly long[] _read;
    private readonly double[] _readProbability;

    /// <param name="fields">The equality's fields (indexes into <paramref name="beliefs"/>).</param>
    /// <param name="coefficients">Each field's coefficient in the equality, in the order of <paramref name="fields"/>.</param>
    public UnlistedRepairs(IReadOnlyList<FieldBelief> beliefs, IReadOnlyList<int> fields, IReadOnlyList<long> coefficients, MisreadModel model)
    {
        _beliefs = beliefs;
        _fields = fields;
        _coefficients = coefficients;
        _model = model;
        _read = fields.Select(field => beliefs[field].ValueRead ?? beliefs[field].Candidates[0].Value).ToArray();
        _readProbability = fields.Select(field => beliefs[field].ProbabilityOfValueRead).ToArray();
    }

    /// <summary>
    /// The weight of the hypotheses in which at least one of the fields at <paramref name="free"/> (positions in the
    /// equality's field list) is unlisted and <c>offset + sum(coefficient * value)</c> over them comes within
    /// <paramref name="tolerance"/> of zero.
    /// </summary>
    public double Weight(IReadOnlyList<int> free, long offset, long tolerance, double coincidence)
    {
        var weighed = 0.0;
        var covered = 0.0;
        foreach (var unlisted in free)
        {
            var (weight, prior) = Alone(unlisted, free, offset, tolerance);
            weighed += weight;
            covered += prior;
        }

        var someUnlisted = 1 - free.Aggregate(1.0, (product, position) => product * (1 - _beliefs[_fields[position]].Unlisted));
        return weighed + (coincidence * Math.Max(0, someUnlisted - covered));
    }

    /// <summary>
    /// Given that the field at <paramref name="unlisted"/> holds a value the engines did not list, how likely the
    /// equality holds: the value it needs weighed as a misread, the other fields listed; the rest at <paramref name="coincidence"/>.
    /// </summary>
    public double IfUnlisted(int unlisted, long offset, long tolerance, double coincidence)
    {
        var free = Enumerable.Range(0, _fields.Count).ToList();
        var unlistedProbability = _beliefs[_fields[unlisted]].Unlisted;
        if (unlistedProbability <= 0)
        {
            return coincidence;
        }

        var (weight, prior) = Alone(unlisted, free, offset, tolerance);
        return (weight + (coincidence * Math.Max(0, unlistedProbability - prior))) / unlistedProbability;
    }

    /// <summary>
    /// The hypotheses with only the field at <paramref name="unlisted"/> unlisted and the others of <paramref name="free"/>
    /// as read or one of them at an alternative: their weight (prior times the misread likelihood of the value needed) and their prior.
    /// </summary>
    private (double Weight, double Prior) Alone(int unlisted, IReadOnlyList<int> free, long offset, long tolerance)
    {
        var unlistedProbability = _beliefs[_fields[unlisted]].Unlisted;
        if (unlistedProbability <= 0)
        {
            return (0, 0);
        }

        var others = free.Where(position => position != unlisted).ToList();
        var rest = offset + others.Sum(position => _coefficients[position] * _read[position]);
        var othersAsRead = unlistedProbability * ProductOfRead(others, except: -1);
        var weight = othersAsRead * Repair(unlisted, rest, tolerance);
        var prior = othersAsRead;
        foreach (var moved in others)
        {
            var othersButMoved = unlistedProbability * ProductOfRead(others, except: moved);
            foreach (var alternative in _beliefs[_fields[moved]].Candidates.Where(candidate => candidate.Value != _read[moved]))
            {
                var probability = othersButMoved * alternative.Confidence;
                prior += probability;
                weight += probability * Repair(unlisted, rest + (_coefficients[moved] * (alternative.Value - _read[moved])), tolerance);
            }
        }

        return (weight, prior);
    }

    private double ProductOfRead(List<int> positions, int except) =>
        positions.Where(position => position != except).Aggregate(1.0, (product, position) => product * _readProbability[position]);

    /// <summary>How likely the value the equality needs at <paramref name="position"/> (the others summing to <paramref name="rest"/>) is as a misread of the value read there.</summary>
    private double Repair(int position, long rest, long tolerance)
    {
        var belief = _beliefs[_fields[position]];
        var coefficient = _coefficients[position];
        var likelihood = 0.0;
        for (var step = -tolerance; step <= tolerance; step++)
        {
            var needed = step - rest;
            if (needed % coefficient != 0)
            {
                continue;
            }

            var value = needed / coefficient;
            likelihood += belief.Candidates.Any(candidate => candidate.Value == value) ? 0 : _model.Likelihood(_read[position], value);
        }

        return likelihood;
    }
}
