namespace ProtocolOcr.Api.Review;

/// <summary>A relation checked against the values on the page, with the fields it involves (for highlighting).</summary>
public sealed record RelationView(string RelationId, string Expression, bool? Holds, string Detail, IReadOnlyList<string> FieldIds);
