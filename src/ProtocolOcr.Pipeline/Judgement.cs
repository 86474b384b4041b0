using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Pipeline;

/// <summary>The fields as decided and the relations checked on their values.</summary>
internal sealed record Judgement(IReadOnlyList<FieldReading> Fields, ValidationReport Report);
