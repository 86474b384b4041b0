namespace ProtocolOcr.Core.Forms.Synthesis;

/// <summary>A form's generator hints cannot be followed: a cycle, an unknown name, or an empty range for a sample.</summary>
public sealed class SynthesisException : Exception
{
    public SynthesisException(string fieldId, string problem)
        : base($"field '{fieldId}': {problem}")
    {
        FieldId = fieldId;
        Problem = problem;
    }

    public string FieldId { get; }

    public string Problem { get; }
}
