namespace ProtocolOcr.Api.Review;

/// <summary>The body of an entry: the field and the value the operator typed (null for an empty field).</summary>
public sealed record EntryRequest(string FieldId, long? Value);
