namespace ProtocolOcr.Core.Relations;

/// <summary>An expression that does not parse. <see cref="Position"/> is the 0-based character index of the problem.</summary>
public sealed class ExpressionSyntaxException : FormatException
{
    public ExpressionSyntaxException(string problem, int position, string text)
        : base($"{problem} at position {position + 1} in '{text}'")
    {
        Problem = problem;
        Position = position;
        Text = text;
    }

    public string Problem { get; }

    public int Position { get; }

    public string Text { get; }
}
