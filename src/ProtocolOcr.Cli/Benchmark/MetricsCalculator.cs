using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>Turns photo outcomes into <see cref="BenchmarkMetrics"/>, overall and per level.</summary>
public static class MetricsCalculator
{
    public const string BadLevel = "bad";

    public static BenchmarkReport Report(
        IReadOnlyList<PhotoOutcome> outcomes, double toleranceReferencePixels, BenchmarkCosts costs, string pipelineVersion)
    {
        var reportsCorners = outcomes.Any(outcome => outcome.Recognition.PageCorners is not null);
        var overall = Compute(outcomes, toleranceReferencePixels, reportsCorners) with
        {
            PhotosPerSecond = costs.WallSeconds > 0 ? outcomes.Count / costs.WallSeconds : null,
            PeakMemoryMb = costs.PeakMemoryMb,
        };
        var byLevel = outcomes
            .GroupBy(outcome => outcome.Truth.Level)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => Compute(group.ToList(), toleranceReferencePixels, reportsCorners), StringComparer.Ordinal);
        var registered = reportsCorners
            ? Compute(outcomes.Where(outcome => IsRegistered(outcome, toleranceReferencePixels)).ToList(), toleranceReferencePixels, reportsCorners)
            : null;
        return new BenchmarkReport(pipelineVersion, toleranceReferencePixels, overall, byLevel, registered);
    }

    /// <summary>A good photo whose every field box the pipeline put within the tolerance of its true place.</summary>
    public static bool IsRegistered(PhotoOutcome outcome, double toleranceReferencePixels) =>
        outcome.Truth.ExpectedReason is null
        && RegistrationCheck.WorstFieldError(outcome.Truth, outcome.Recognition.PageCorners) is { } error
        && error <= toleranceReferencePixels;

    /// <summary>
    /// Every figure except the run-wide peak memory; photos per second from the photos' own wall times. When the pipeline
    /// reports page corners at all (<paramref name="pipelineReportsCorners"/>), a good photo without them failed registration.
    /// </summary>
    public static BenchmarkMetrics Compute(IReadOnlyList<PhotoOutcome> outcomes, double toleranceReferencePixels, bool pipelineReportsCorners)
    {
        var good = outcomes.Where(outcome => outcome.Truth.ExpectedReason is null).ToList();
        var bad = outcomes.Where(outcome => outcome.Truth.ExpectedReason is not null).ToList();

        var fields = 0;
        var correct = 0;
        var accepted = 0;
        var acceptedCorrect = 0;
        var fullyAutoCorrect = 0;
        var consistentFields = 0;
        var consistentAccepted = 0;
        foreach (var outcome in good)
        {
            var readings = outcome.Recognition.Fields.ToDictionary(field => field.FieldId, StringComparer.Ordinal);
            var allAcceptedAndCorrect = outcome.Truth.Fields.Count > 0;
            foreach (var truth in outcome.Truth.Fields)
            {
                readings.TryGetValue(truth.Id, out var reading);
                var isCorrect = reading?.Value == truth.Value;
                var isAccepted = reading?.Status == FieldStatus.Accepted;
                fields++;
                correct += isCorrect ? 1 : 0;
                accepted += isAccepted ? 1 : 0;
                acceptedCorrect += isAccepted && isCorrect ? 1 : 0;
                allAcceptedAndCorrect &= isAccepted && isCorrect;
                if (outcome.Truth.ViolatedRelations.Count == 0)
                {
                    consistentFields++;
                    consistentAccepted += isAccepted ? 1 : 0;
                }
            }

            fullyAutoCorrect += allAcceptedAndCorrect && outcome.Recognition.Status == ProtocolStatus.Accepted ? 1 : 0;
        }

        var violated = good.Where(outcome => outcome.Truth.ViolatedRelations.Count > 0).ToList();
        var registrationErrors = pipelineReportsCorners
            ? good.Select(outcome => RegistrationCheck.WorstFieldError(outcome.Truth, outcome.Recognition.PageCorners) ?? double.PositiveInfinity).ToList()
            : [];
        var rightRejections = bad.Count(outcome =>
            outcome.Recognition.Status == ProtocolStatus.Rejected && outcome.Recognition.Rejection?.Code == outcome.Truth.ExpectedReason);
        var falseRejections = good.Count(outcome => outcome.Recognition.Status == ProtocolStatus.Rejected);
        var silentErrors = accepted - acceptedCorrect;
        var wallSeconds = outcomes.Sum(outcome => outcome.WallSeconds);
        var cpuSeconds = outcomes.Sum(outcome => outcome.CpuSeconds);

        return new BenchmarkMetrics(
            Photos: outcomes.Count,
            GoodPhotos: good.Count,
            BadPhotos: bad.Count,
            Fields: fields,
            CorrectFields: correct,
            FieldAccuracy: Rate(correct, fields),
            AutoAcceptedFields: accepted,
            AutoAcceptedAccuracy: Rate(acceptedCorrect, accepted),
            SilentErrors: silentErrors,
            SilentErrorRate: Rate(silentErrors, fields),
            ReviewRate: Rate(fields - accepted, fields),
            ConsistentProtocolsReviewRate: Rate(consistentFields - consistentAccepted, consistentFields),
            ProtocolsFullyAutoCorrect: fullyAutoCorrect,
            ProtocolsFullyAutoCorrectRate: Rate(fullyAutoCorrect, good.Count),
            ViolatedProtocols: violated.Count,
            ViolatedProtocolsAccepted: violated.Count(outcome => outcome.Recognition.Status == ProtocolStatus.Accepted),
            RegistrationMeasured: registrationErrors.Count,
            RegistrationSuccessRate: Rate(registrationErrors.Count(error => error <= toleranceReferencePixels), registrationErrors.Count),
            BadPhotosRejectedWithRightReason: rightRejections,
            BadPhotosRejectedWithRightReasonRate: Rate(rightRejections, bad.Count),
            GoodPhotosFalselyRejected: falseRejections,
            GoodPhotosFalselyRejectedRate: Rate(falseRejections, good.Count),
            PhotosPerSecond: wallSeconds > 0 ? outcomes.Count / wallSeconds : null,
            CoreSecondsPerPhoto: outcomes.Count > 0 ? cpuSeconds / outcomes.Count : null,
            PeakMemoryMb: null);
    }

    private static double? Rate(int part, int whole) => whole > 0 ? (double)part / whole : null;
}
