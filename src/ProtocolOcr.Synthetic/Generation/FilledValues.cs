namespace ProtocolOcr.Synthetic.Generation;

/// <summary>The values written on one protocol and the error relations they break on purpose (usually none).</summary>
public sealed record FilledValues(IReadOnlyDictionary<string, long> Values, IReadOnlyList<string> ViolatedRelations);
