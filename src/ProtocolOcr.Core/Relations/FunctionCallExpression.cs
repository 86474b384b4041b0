namespace ProtocolOcr.Core.Relations;

/// <summary>
/// <c>sum</c>, <c>max</c>, <c>min</c> take one or more arguments, and a bare name argument stands for all its values
/// (a group's members); <c>ceil</c>, <c>floor</c>, <c>abs</c> take exactly one value.
/// </summary>
public sealed record FunctionCallExpression(string Function, IReadOnlyList<Expression> Arguments, int Position)
    : Expression(Position)
{
    public static IReadOnlyCollection<string> AggregateFunctions { get; } = ["sum", "max", "min"];

    public static IReadOnlyCollection<string> SingleValueFunctions { get; } = ["ceil", "floor", "abs"];

    public static bool IsKnown(string function) =>
        AggregateFunctions.Contains(function) || SingleValueFunctions.Contains(function);

    public bool IsAggregate => AggregateFunctions.Contains(Function);

    public override decimal? Evaluate(Func<string, IReadOnlyList<long?>?> lookup)
    {
        var values = ArgumentValues(lookup);
        if (values.Any(v => v is null))
        {
            return null;
        }

        var numbers = values.Select(v => v!.Value).ToList();
        return Function switch
        {
            "sum" => numbers.Sum(),
            "max" => numbers.Max(),
            "min" => numbers.Min(),
            "ceil" => Math.Ceiling(numbers[0]),
            "floor" => Math.Floor(numbers[0]),
            "abs" => Math.Abs(numbers[0]),
            _ => throw new ExpressionEvaluationException($"unknown function '{Function}'", Position),
        };
    }

    public override IEnumerable<NameReference> Names() =>
        Arguments.SelectMany(argument => argument is NameExpression name && IsAggregate
            ? [new NameReference(name.Name, name.Position, AsAggregate: true)]
            : argument.Names());

    private List<decimal?> ArgumentValues(Func<string, IReadOnlyList<long?>?> lookup)
    {
        var values = new List<decimal?>();
        foreach (var argument in Arguments)
        {
            if (argument is NameExpression name && IsAggregate)
            {
                values.AddRange(name.Values(lookup).Select(v => (decimal?)v));
            }
            else
            {
                values.Add(argument.Evaluate(lookup));
            }
        }

        if (values.Count == 0)
        {
            throw new ExpressionEvaluationException($"{Function}() of an empty group", Position);
        }

        return values;
    }
}
