using System.Globalization;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Cli.Processing;

/// <summary>Prints a block per photo: status or rejection, stage timings, a row per field, then the relations.</summary>
public static class ProcessResultTable
{
    private const int LabelWidth = 40;

    public static void Write(TextWriter output, FormDefinition form, ProcessedPhoto result)
    {
        var recognition = result.Recognition;
        output.WriteLine();
        output.WriteLine($"{result.Photo}: {recognition.Status.ToWire()}  (form {recognition.FormId}, pipeline {recognition.PipelineVersion})");
        output.WriteLine("  " + string.Join(", ", recognition.Timings.Select(t => $"{t.Stage} {t.Milliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms")));
        if (recognition.Rejection is { } rejection)
        {
            output.WriteLine($"  rejected: {rejection.Code}: {rejection.Message}");
            return;
        }

        output.WriteLine($"  {"field",-10} {"label",-LabelWidth} {"value",10} {"conf",5}  {"status",-12} reason");
        foreach (var field in recognition.Fields)
        {
            string value = field.Value?.ToString(CultureInfo.InvariantCulture) ?? "-";
            string confidence = field.Confidence.ToString("F2", CultureInfo.InvariantCulture);
            output.WriteLine(
                $"  {field.FieldId,-10} {Label(form, field.FieldId),-LabelWidth} {value,10} {confidence,5}  {Wire(field.Status),-12} {field.ReviewReason}");
        }

        foreach (var check in recognition.Relations)
        {
            string outcome = check.Holds switch { true => "holds", false => "FAILS", null => "unchecked" };
            output.WriteLine($"  {check.RelationId} {check.Severity.ToString().ToLowerInvariant()} {outcome}: {check.Expression}  [{check.Detail}]");
        }
    }

    private static string Label(FormDefinition form, string fieldId)
    {
        var label = form.Field(fieldId).Label;
        string text = form.Languages.Select(language => label[language]).FirstOrDefault(t => t.Length > 0) ?? label.Any;
        text = text.ReplaceLineEndings(" ");
        return text.Length <= LabelWidth ? text : text[..(LabelWidth - 1)] + "…";
    }

    private static string Wire(FieldStatus status) => status switch
    {
        FieldStatus.Accepted => "accepted",
        FieldStatus.NeedsReview => "needs_review",
        FieldStatus.Empty => "empty",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
