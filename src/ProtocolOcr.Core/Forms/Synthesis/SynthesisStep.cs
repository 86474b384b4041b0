using ProtocolOcr.Core.Relations;

namespace ProtocolOcr.Core.Forms.Synthesis;

/// <summary>One field's parsed hints: a value drawn from [Min, Max] (Min defaults to 0), or computed from Derive.</summary>
internal sealed record SynthesisStep(FieldDefinition Field, Expression? Min, Expression? Max, Expression? Derive)
{
    public IEnumerable<NameReference> Names() =>
        new[] { Min, Max, Derive }.OfType<Expression>().SelectMany(e => e.Names());
}
