using System.Text.Json;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Infrastructure.Downstream.Consensus;
using ProtocolOcr.Infrastructure.Recognitions;
using ProtocolOcr.Infrastructure.Review;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Review;

/// <summary>Puts together what the review page shows: the reading, the operators' entries, live relations and history.</summary>
public sealed class ReviewDesk(
    UploadRepository uploads, RecognitionRepository recognitions, ReviewRepository review, IFormCatalog forms,
    PrecinctConsensusService consensus)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ReviewView?> LoadAsync(Guid uploadId, string operatorName, CancellationToken cancellationToken)
    {
        var upload = await uploads.GetAsync(uploadId, cancellationToken);
        if (upload is null)
        {
            return null;
        }

        var recognition = await recognitions.GetLatestAsync(uploadId, cancellationToken);
        var history = await review.HistoryAsync(uploadId, cancellationToken);
        var form = recognition is not null && forms.FormIds.Contains(recognition.Header.FormId) ? forms.Get(recognition.Header.FormId) : null;
        if (recognition is null || form is null)
        {
            return new ReviewView(upload, recognition?.Header, form?.Title.Any, 0, 0, false, [], [], history, false, null);
        }

        var entries = (await review.EntriesAsync(uploadId, cancellationToken)).ToDictionary(e => e.FieldId, StringComparer.Ordinal);
        var fields = recognition.Fields.Select(field => View(form, field, entries.GetValueOrDefault(field.FieldId), operatorName)).ToList();
        var (editable, blockingClaim) = await ClaimIfWorkLeftAsync(upload, fields, operatorName, cancellationToken);
        var relations = RelationChecker.Check(form, fields.ToDictionary(f => f.FieldId, f => f.ShownValue ?? f.OcrValue, StringComparer.Ordinal));
        return new ReviewView(upload, recognition.Header, form.Title.Any, form.ReferenceSize.Width, form.ReferenceSize.Height,
            recognition.Header.AlignedPageKey is not null, fields, relations, history, editable, blockingClaim);
    }

    /// <summary>
    /// Opening the page claims the upload only when this operator has something to do (a flagged field nobody entered,
    /// or another operator's correction to confirm); otherwise a colleague doing the second entry is not locked out.
    /// </summary>
    private async Task<(bool Editable, ClaimResult? BlockingClaim)> ClaimIfWorkLeftAsync(
        UploadRecord upload, IReadOnlyList<ReviewFieldView> fields, string operatorName, CancellationToken cancellationToken)
    {
        if (upload.Status != "needs_review")
        {
            return (false, null);
        }

        var workLeft = fields.Any(f => (f.Status == "needs_review" && f.State == "ocr") || f.State == "awaiting-you");
        if (workLeft)
        {
            var claim = await review.ClaimAsync(upload.Id, operatorName, cancellationToken);
            return claim.Granted ? (true, null) : (false, claim);
        }

        var blocking = await review.ClaimByOtherAsync(upload.Id, operatorName, cancellationToken);
        return (blocking is null, blocking);
    }

    /// <summary>After a protocol's values became final, or its photo was found unusable, its precinct's result changes.</summary>
    public async Task RecomputePrecinctAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        var upload = await uploads.GetAsync(uploadId, cancellationToken)
            ?? throw new InvalidOperationException($"Upload {uploadId} disappeared during its review.");
        await consensus.RecomputeAsync(new PrecinctKey(upload.ElectionId, upload.Region, upload.Precinct), cancellationToken);
    }

    public IReadOnlyList<RelationView> CheckRelations(string formId, IReadOnlyDictionary<string, long?> values) =>
        RelationChecker.Check(forms.Get(formId), values);

    private static ReviewFieldView View(FormDefinition form, StoredField field, ReviewEntry? entry, string operatorName)
    {
        var definition = form.Fields.FirstOrDefault(f => f.Id == field.FieldId);
        var state = entry switch
        {
            null => "ocr",
            { IsFinal: true, IsCorrection: false } => "kept",
            { IsFinal: true } => "confirmed",
            _ when entry.EnteredBy == operatorName => "yours-pending",
            _ => "awaiting-you",
        };
        var shown = state switch
        {
            "ocr" => field.Value,
            "awaiting-you" => null,
            _ => entry!.Value,
        };
        return new ReviewFieldView(field.FieldId, definition?.Label.Any ?? field.FieldId, definition?.LineNumber,
            field.X, field.Y, field.Width, field.Height, field.Value, shown, field.Confidence, field.Status, field.ReviewReason,
            JsonSerializer.Deserialize<List<ValueAlternative>>(field.Alternatives, Json) ?? [], state, entry?.EnteredBy,
            definition?.WordsBox);
    }
}
