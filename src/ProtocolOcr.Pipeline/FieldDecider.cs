using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Pipeline.Arithmetic;

namespace ProtocolOcr.Pipeline;

/// <summary>
/// Stage 7: a field is accepted only when a value was read confidently AND every error-level relation it takes part in
/// holds AND it has a second witness (an equality relation that holds, or a second engine reading it alike); an optional field left blank stays Empty.
/// A field the arithmetic vouches for (a trusted <see cref="ArithmeticVerdict"/>) is accepted too, also when its own
/// reading was unsure or its value was corrected. Everything else goes to a person with the first reason that applies.
/// </summary>
public sealed class FieldDecider
{
    private readonly PipelineSettings _settings;

    public FieldDecider(PipelineSettings settings) => _settings = settings;

    public IReadOnlyList<FieldReading> Decide(FormDefinition form, IReadOnlyList<FieldReading> readings, ValidationReport report) =>
        Decide(form, readings, report, []);

    /// <param name="readings">The readings with the trusted corrections applied (<see cref="ArithmeticCorrector.ApplyCorrections"/>).</param>
    /// <param name="report">The relations checked on those readings.</param>
    /// <param name="verdicts">What the arithmetic says about each field it could judge.</param>
    public IReadOnlyList<FieldReading> Decide(
        FormDefinition form, IReadOnlyList<FieldReading> readings, ValidationReport report, IReadOnlyList<ArithmeticVerdict> verdicts)
    {
        var trusted = verdicts.Where(verdict => verdict.Trusted).ToDictionary(verdict => verdict.FieldId, StringComparer.Ordinal);
        return readings
            .Select(reading => trusted.TryGetValue(reading.FieldId, out var verdict) && verdict.Value == reading.Value
                ? reading with { Status = FieldStatus.Accepted, ReviewReason = null, Confidence = Math.Max(reading.Confidence, verdict.Posterior) }
                : Decide(form.Field(reading.FieldId), reading, report))
            .ToList();
    }

    public static ProtocolStatus ProtocolStatusOf(IReadOnlyList<FieldReading> fields) =>
        fields.All(field => field.Status is FieldStatus.Accepted or FieldStatus.Empty)
            ? ProtocolStatus.Accepted
            : ProtocolStatus.NeedsReview;

    private FieldReading Decide(FieldDefinition field, FieldReading reading, ValidationReport report)
    {
        string? reason = ReviewReasonFor(field, reading, report);
        var status = reason is not null ? FieldStatus.NeedsReview
            : reading.Status == FieldStatus.Empty ? FieldStatus.Empty
            : FieldStatus.Accepted;
        return reading with { Status = status, ReviewReason = reason };
    }

    private string? ReviewReasonFor(FieldDefinition field, FieldReading reading, ValidationReport report)
    {
        if (reading.Status == FieldStatus.Empty)
        {
            return field.Optional ? null : ReviewReasons.Empty;
        }

        if (reading.Value is null)
        {
            return ReviewReasons.Unreadable;
        }

        if (reading.ReviewReason is { } readerReason)
        {
            return readerReason;
        }

        if (reading.Confidence < _settings.AcceptConfidence)
        {
            return ReviewReasons.LowConfidence;
        }

        var failed = report.FailedRelationsOf(field.Id);
        if (failed.Count > 0)
        {
            return ReviewReasons.RelationFailed(failed);
        }

        var unverified = report.UnverifiedRelationsOf(field.Id);
        if (unverified.Count > 0)
        {
            return ReviewReasons.RelationUnverified(unverified);
        }

        // Measured on pipeline v0.2: every silently wrong accepted value was in a field no equality checks (precinct
        // number, L1), read by one engine alone. Such a value needs a second witness: the other engine.
        return !report.IsWitnessedByArithmetic(field.Id) && reading.AgreeingEngines < 2 ? ReviewReasons.SingleWitness : null;
    }
}
