namespace ProtocolOcr.Core.Relations;

/// <summary>
/// A parsed numeric expression over field values (see docs/forms.md). <see cref="Position"/> is the 0-based
/// character index in the source text where the node starts, for error messages.
/// </summary>
public abstract record Expression(int Position)
{
    /// <summary>
    /// Evaluates the expression. <paramref name="lookup"/> returns the values behind a name: one value for a field,
    /// the members' values for a group, or null when the name is unknown. A null value (missing) makes the result null.
    /// </summary>
    /// <exception cref="ExpressionEvaluationException">An unknown name, or a group used as a single value.</exception>
    public abstract decimal? Evaluate(Func<string, IReadOnlyList<long?>?> lookup);

    /// <summary>Every name the expression refers to, in source order.</summary>
    public abstract IEnumerable<NameReference> Names();
}
