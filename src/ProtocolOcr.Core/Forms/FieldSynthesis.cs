namespace ProtocolOcr.Core.Forms;

/// <summary>
/// How the photo generator fills a field so the form's relations hold: either drawn from a range
/// (bounds may be expressions over other fields) or derived from an expression over other fields.
/// Used only by the generator; the pipeline never reads it.
/// </summary>
public sealed record FieldSynthesis(string? Min = null, string? Max = null, string? Derive = null);
