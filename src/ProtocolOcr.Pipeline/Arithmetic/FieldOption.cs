namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// One thing a field's true value may be, with its probability: a value the engines listed, or (<see cref="Value"/>
/// null) a value they did not list, which the search then solves from an equality the field takes part in.
/// </summary>
public sealed record FieldOption(long? Value, double Probability)
{
    public bool IsUnlisted => Value is null;
}
