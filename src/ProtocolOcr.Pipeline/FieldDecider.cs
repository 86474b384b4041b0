using System.Globalization;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Pipeline.Arithmetic;

namespace ProtocolOcr.Pipeline;

/// <summary>
/// Stage 7: a field is accepted only when a value was read confidently AND every error-level relation it takes part in
/// holds AND it has a second witness (an equality relation that holds, or a second engine reading it alike); an optional field left blank stays Empty.
/// A field the arithmetic vouches for (a trusted <see cref="ArithmeticVerdict"/>) is accepted too, also when its own
/// reading was unsure or its value was corrected; inside a relation that still fails, only a reading the engines were
/// sure of is cleared that way, and only when a misread explains the failure better than a wrong protocol does, so a
/// failing sum sends to review the fields that may explain it, not all of its fields.
/// Everything else goes to a person with the first reason that applies.
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
    /// <param name="statedPrecinct">The precinct the sender named (<see cref="Core.Pipeline.PipelineRunOptions.StatedPrecinct"/>), or null.</param>
    public IReadOnlyList<FieldReading> Decide(
        FormDefinition form, IReadOnlyList<FieldReading> readings, ValidationReport report, IReadOnlyList<ArithmeticVerdict> verdicts,
        string? statedPrecinct = null)
    {
        var stated = long.TryParse(statedPrecinct?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;
        var trusted = verdicts.Where(verdict => verdict.Trusted).ToDictionary(verdict => verdict.FieldId, StringComparer.Ordinal);
        var fields = readings
            .Select(reading => trusted.TryGetValue(reading.FieldId, out var verdict) && verdict.Value == reading.Value
                && (reading.Correction is not null || report.FailedRelationsOf(reading.FieldId).Count == 0 || IsClearedOfFailure(reading, verdict))
                ? reading with { Status = FieldStatus.Accepted, ReviewReason = null, Confidence = Math.Max(reading.Confidence, verdict.Posterior) }
                : Decide(form.Field(reading.FieldId), reading, report, stated))
            .ToList();
        return KeepFailedRelationsInReview(form, fields, report, trusted);
    }

    public static ProtocolStatus ProtocolStatusOf(IReadOnlyList<FieldReading> fields) =>
        fields.All(field => field.Status is FieldStatus.Accepted or FieldStatus.Empty)
            ? ProtocolStatus.Accepted
            : ProtocolStatus.NeedsReview;

    /// <summary>
    /// The arithmetic vouches for the values of a failing relation that no likely repair touches, so only the fields that
    /// may explain the failure (the suspects: those it does not vouch for, whatever their own reason for review) stay in
    /// review. When it vouched for all of them (a protocol read right that breaks its
    /// own sum, every repair unlikely), nothing says which value is wrong; when more than
    /// <see cref="PipelineSettings.MostSuspectsInFailedRelation"/> remain suspect, so many misreads in one sum mean the
    /// engines' errors are not independent there (a crop both misread), and their confidence in the rest cannot be
    /// taken at its word (DEV hard: "14" read "4" by both engines at 0.999 in a sum with four other misreads). Either
    /// way the whole relation goes to review.
    /// </summary>
    private List<FieldReading> KeepFailedRelationsInReview(
        FormDefinition form, List<FieldReading> fields, ValidationReport report, IReadOnlyDictionary<string, ArithmeticVerdict> trusted)
    {
        var byId = fields.Select((field, index) => (field.FieldId, index)).ToDictionary(pair => pair.FieldId, pair => pair.index, StringComparer.Ordinal);
        foreach (var check in report.Checks.Where(check => check.Severity == RelationSeverity.Error && check.Holds == false))
        {
            var members = RelationFields.Of(form, form.Relations.Single(relation => relation.Id == check.RelationId))
                .Where(byId.ContainsKey)
                .Select(fieldId => byId[fieldId])
                .ToList();
            var suspects = members.Count(index => !IsCleared(fields[index], trusted));
            if (suspects == 0 || suspects > _settings.MostSuspectsInFailedRelation)
            {
                foreach (var index in members)
                {
                    fields[index] = fields[index] with
                    {
                        Status = FieldStatus.NeedsReview,
                        ReviewReason = ReviewReasons.RelationFailed(report.FailedRelationsOf(fields[index].FieldId)),
                    };
                }
            }
        }

        return fields;
    }

    /// <summary>
    /// Inside a relation that still fails, the arithmetic clears of blame only a reading the engines are sure of (no
    /// reason of theirs, confident): it cannot vouch for a value the engines doubt while the sum it would check is broken
    /// (measured on DEV: an unsure 270 for 290 accepted because a neighbour took the blame). And only when a misread
    /// the arithmetic can place is the likelier account of the failure (<see cref="ArithmeticVerdict.Explained"/> at
    /// least <see cref="PipelineSettings.LeastExplainedFailure"/>): when "the protocol is wrong" is likelier, the values
    /// read are all that speaks for themselves, and both engines losing the same leading digit looks just like that
    /// (DEV phone 0057: 1635 read 635 by both, explained 0.11). A value one engine alone read no longer needs the other:
    /// the arithmetic weighs a value the engines did not list by how plausible it is as a misread (<see cref="MisreadModel"/>),
    /// so when several values are wrong, or the one wrong value is garbled past a plausible misread, no repair explains
    /// the failure and nothing is cleared (DEV hard 0032: three values misread by the digit engine alone and a garbled
    /// total, explained 0.0001). Before the misread model, flat odds for any unlisted value let a neighbour take the
    /// blame for such values (DEV hard: 6 of 9 silent errors), which is why agreement was required.
    /// </summary>
    private bool IsClearedOfFailure(FieldReading reading, ArithmeticVerdict verdict) =>
        reading.Value is not null && reading.ReviewReason is null && reading.Confidence >= _settings.AcceptConfidence
        && verdict.Explained >= _settings.LeastExplainedFailure;

    /// <summary>A field the arithmetic vouches for at the value it holds.</summary>
    private static bool IsCleared(FieldReading reading, IReadOnlyDictionary<string, ArithmeticVerdict> trusted) =>
        trusted.TryGetValue(reading.FieldId, out var verdict) && verdict.Value == reading.Value;

    private FieldReading Decide(FieldDefinition field, FieldReading reading, ValidationReport report, long? statedPrecinct = null)
    {
        string? reason = ReviewReasonFor(field, reading, report, statedPrecinct);
        var status = reason is not null ? FieldStatus.NeedsReview
            : reading.Status == FieldStatus.Empty ? FieldStatus.Empty
            : FieldStatus.Accepted;
        return reading with { Status = status, ReviewReason = reason };
    }

    private string? ReviewReasonFor(FieldDefinition field, FieldReading reading, ValidationReport report, long? statedPrecinct)
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

        if (field.Kind == FieldKind.Code && statedPrecinct is { } stated)
        {
            // The sender's word is a witness independent of the engines: it vouches for a match, also an unsure one (an
            // engine misreading into exactly the observer's typo is far less likely than either alone), and flags a
            // mismatch, also one both engines agree on (DEV hard: 865 read 265 by both).
            return reading.Value == stated ? null : ReviewReasons.StatedPrecinctDiffers;
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
