namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// The weight of the hypotheses in which some of an equality's fields hold a value the engines did not list, which the
/// equality then determines. The one-unlisted-field hypotheses are weighed by how likely that determined value is as
/// a misread of the value read (<see cref="MisreadModel"/>), with every other field at its value read or one of them at
/// an alternative; the rest (several unlisted, several alternatives) keeps the flat chance <c>coincidence</c>.
/// The hypotheses and their priors do not depend on the values of the fields outside the equality, so they are listed
/// once per set of free fields; only the value each one needs moves with the offset.
/// </summary>
internal sealed class UnlistedRepairs
{
    internal const int NoneHeld = -1;

    private readonly IReadOnlyList<FieldBelief> _beliefs;
    private readonly IReadOnlyList<int> _fields;
    private readonly IReadOnlyList<long> _coefficients;
    private readonly MisreadModel _model;
    private readonly long[] _read;
    private readonly double[] _readProbability;
    private readonly HashSet<long>[] _listed;
    private readonly Dictionary<int, Hypotheses> _byHeld = [];
    private readonly Dictionary<(int Position, long Others), double> _repairs = [];

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
        _listed = fields.Select(field => beliefs[field].Candidates.Select(candidate => candidate.Value).ToHashSet()).ToArray();
    }

    /// <summary>
    /// The weight of the hypotheses in which at least one field other than the one at <paramref name="held"/> (its
    /// value fixed by the caller and folded into <paramref name="offset"/>; none when negative) is unlisted and
    /// <c>offset + sum(coefficient * value)</c> over the free fields comes within <paramref name="tolerance"/> of zero.
    /// </summary>
    public double Weight(int held, long offset, long tolerance, double coincidence)
    {
        var hypotheses = HypothesesWithout(held);
        var weight = 0.0;
        foreach (var hypothesis in hypotheses.OneUnlisted)
        {
            weight += hypothesis.Prior * Repair(hypothesis.Unlisted, offset + hypothesis.Others, tolerance);
        }

        return weight + (coincidence * hypotheses.Rest);
    }

    /// <summary>
    /// Given that the field at <paramref name="unlisted"/> holds a value the engines did not list, how likely the
    /// equality holds: the value it needs weighed as a misread, the other fields listed; the rest at <paramref name="coincidence"/>.
    /// </summary>
    public double IfUnlisted(int unlisted, long offset, long tolerance, double coincidence)
    {
        var unlistedProbability = _beliefs[_fields[unlisted]].Unlisted;
        if (unlistedProbability <= 0)
        {
            return coincidence;
        }

        var weight = 0.0;
        var prior = 0.0;
        foreach (var hypothesis in HypothesesWithout(NoneHeld).OneUnlisted.Where(hypothesis => hypothesis.Unlisted == unlisted))
        {
            weight += hypothesis.Prior * Repair(unlisted, offset + hypothesis.Others, tolerance);
            prior += hypothesis.Prior;
        }

        return (weight + (coincidence * Math.Max(0, unlistedProbability - prior))) / unlistedProbability;
    }

    private Hypotheses HypothesesWithout(int held)
    {
        if (_byHeld.TryGetValue(held, out var known))
        {
            return known;
        }

        var free = Enumerable.Range(0, _fields.Count).Where(position => position != held).ToList();
        var oneUnlisted = new List<OneUnlisted>();
        foreach (var unlisted in free)
        {
            var unlistedProbability = _beliefs[_fields[unlisted]].Unlisted;
            if (unlistedProbability <= 0)
            {
                continue;
            }

            var others = free.Where(position => position != unlisted).ToList();
            var othersAsRead = others.Sum(position => _coefficients[position] * _read[position]);
            oneUnlisted.Add(new OneUnlisted(unlisted, othersAsRead, unlistedProbability * ProductOfRead(others, except: NoneHeld)));
            foreach (var moved in others)
            {
                var othersButMoved = unlistedProbability * ProductOfRead(others, except: moved);
                foreach (var alternative in _beliefs[_fields[moved]].Candidates.Where(candidate => candidate.Value != _read[moved]))
                {
                    oneUnlisted.Add(new OneUnlisted(
                        unlisted, othersAsRead + (_coefficients[moved] * (alternative.Value - _read[moved])), othersButMoved * alternative.Confidence));
                }
            }
        }

        var someUnlisted = 1 - free.Aggregate(1.0, (product, position) => product * (1 - _beliefs[_fields[position]].Unlisted));
        return _byHeld[held] = new Hypotheses(oneUnlisted, Math.Max(0, someUnlisted - oneUnlisted.Sum(hypothesis => hypothesis.Prior)));
    }

    private double ProductOfRead(List<int> positions, int except) =>
        positions.Where(position => position != except).Aggregate(1.0, (product, position) => product * _readProbability[position]);

    /// <summary>How likely the value the equality needs at <paramref name="position"/> (the others summing to <paramref name="others"/>) is as a misread of the value read there.</summary>
    private double Repair(int position, long others, long tolerance)
    {
        if (_repairs.TryGetValue((position, others), out var known))
        {
            return known;
        }

        var coefficient = _coefficients[position];
        var likelihood = 0.0;
        for (var step = -tolerance; step <= tolerance; step++)
        {
            var needed = step - others;
            if (needed % coefficient != 0)
            {
                continue;
            }

            var value = needed / coefficient;
            likelihood += _listed[position].Contains(value) ? 0 : _model.Likelihood(_read[position], value);
        }

        return _repairs[(position, others)] = likelihood;
    }

    /// <summary>Only the field at <see cref="Unlisted"/> unlisted, the others summing to <see cref="Others"/> (offset aside), with this prior.</summary>
    private readonly record struct OneUnlisted(int Unlisted, long Others, double Prior);

    /// <summary>The one-unlisted hypotheses over a set of free fields and the prior of every other hypothesis with an unlisted value.</summary>
    private sealed record Hypotheses(IReadOnlyList<OneUnlisted> OneUnlisted, double Rest);
}
