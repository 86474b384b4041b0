namespace ProtocolOcr.Core.Relations;

/// <summary>
/// An expression that parsed but cannot be evaluated against the names given (unknown name, group used as a value).
/// A loaded form never raises it: the loader checks every name first.
/// </summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string problem, int position)
        : base($"{problem} (at position {position + 1})")
    {
        Problem = problem;
        Position = position;
    }

    public string Problem { get; }

    public int Position { get; }
}
