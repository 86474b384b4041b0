using System.Globalization;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>
/// One photo's progress line: status, rejection reason, the worst field-corner registration error in reference pixels
/// (a good photo only; "reg ok"/"reg FAIL" against the tolerance), the photo's megapixels and every stage's core
/// milliseconds, so a failing or costly photo can be looked at by name.
/// </summary>
public static class PhotoLine
{
    public static string Of(PhotoOutcome outcome, double toleranceReferencePixels)
    {
        var recognition = outcome.Recognition;
        var line = $"{outcome.Truth.Photo}: {recognition.Status} {recognition.Rejection?.Code}".TrimEnd();
        if (outcome.Truth.ExpectedReason is null && recognition.PageCorners is not null)
        {
            var error = RegistrationCheck.WorstFieldError(outcome.Truth, recognition.PageCorners);
            var verdict = error <= toleranceReferencePixels ? "ok" : "FAIL";
            line += $" reg {verdict} {error?.ToString("F1", CultureInfo.InvariantCulture) ?? "-"}px";
        }

        if (recognition.RegistrationScore is { } score)
        {
            line += $" score {score.ToString("F3", CultureInfo.InvariantCulture)}";
        }

        var megapixels = outcome.Truth.ImageWidth * (double)outcome.Truth.ImageHeight / 1e6;
        var stages = recognition.Timings
            .Select(timing => $"{timing.Stage} {(timing.CoreMilliseconds ?? timing.Milliseconds).ToString("F0", CultureInfo.InvariantCulture)}");
        return $"{line} | {megapixels.ToString("F1", CultureInfo.InvariantCulture)} MP, core ms: {string.Join(", ", stages)}";
    }
}
