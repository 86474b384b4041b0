using ProtocolOcr.Cli.Benchmark;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Cli.Tests;

public sealed class MetricsCalculatorTests
{
    private static readonly TruthPoint[] PageCorners = [new(100, 100), new(1754, 100), new(1754, 2439), new(100, 2439)];

    [Fact]
    public void Field_figures_separate_correct_accepted_and_silent_errors()
    {
        var allGood = Outcome("phone", null, Recognised(ProtocolStatus.Accepted, ("L1", 500, FieldStatus.Accepted), ("L2", 480, FieldStatus.Accepted), ("L3", 20, FieldStatus.Accepted)));
        var mixed = Outcome("phone", null, Recognised(ProtocolStatus.NeedsReview, ("L1", 500, FieldStatus.Accepted), ("L2", 430, FieldStatus.Accepted), ("L3", 20, FieldStatus.NeedsReview)));

        var metrics = MetricsCalculator.Compute([allGood, mixed], 12, pipelineReportsCorners: false);

        Assert.Equal(6, metrics.Fields);
        Assert.Equal(5, metrics.CorrectFields);
        Assert.Equal(5.0 / 6, metrics.FieldAccuracy);
        Assert.Equal(5, metrics.AutoAcceptedFields);
        Assert.Equal(4.0 / 5, metrics.AutoAcceptedAccuracy);
        Assert.Equal(1, metrics.SilentErrors);
        Assert.Equal(1.0 / 6, metrics.SilentErrorRate);
        Assert.Equal(1.0 / 6, metrics.ReviewRate);
        Assert.Equal(1, metrics.ProtocolsFullyAutoCorrect);
        Assert.Equal(0.5, metrics.ProtocolsFullyAutoCorrectRate);
        Assert.Null(metrics.RegistrationSuccessRate);
    }

    [Fact]
    public void Bad_photos_need_the_right_reason_and_rejected_good_photos_count_as_unread()
    {
        var rightReason = Outcome("bad", ReasonCodes.TooBlurry, Rejected(ReasonCodes.TooBlurry));
        var wrongReason = Outcome("bad", ReasonCodes.TooDark, Rejected(ReasonCodes.TooBlurry));
        var notRejected = Outcome("bad", ReasonCodes.PageCutOff, Recognised(ProtocolStatus.NeedsReview, ("L1", 500, FieldStatus.NeedsReview)));
        var falselyRejected = Outcome("hard", null, Rejected(ReasonCodes.PageNotFound));

        var metrics = MetricsCalculator.Compute([rightReason, wrongReason, notRejected, falselyRejected], 12, pipelineReportsCorners: false);

        Assert.Equal(3, metrics.BadPhotos);
        Assert.Equal(1, metrics.BadPhotosRejectedWithRightReason);
        Assert.Equal(1.0 / 3, metrics.BadPhotosRejectedWithRightReasonRate);
        Assert.Equal(1, metrics.GoodPhotosFalselyRejected);
        Assert.Equal(1.0, metrics.GoodPhotosFalselyRejectedRate);
        Assert.Equal(3, metrics.Fields);
        Assert.Equal(0, metrics.CorrectFields);
        Assert.Equal(1.0, metrics.ReviewRate);
        Assert.Equal(0, metrics.SilentErrors);
    }

    [Fact]
    public void A_protocol_whose_true_numbers_break_a_relation_counts_against_the_pipeline_only_when_accepted()
    {
        var consistentAccepted = Outcome("phone", null, Recognised(ProtocolStatus.Accepted, ("L1", 500, FieldStatus.Accepted)));
        var violatedAccepted = Outcome("phone", null, Recognised(ProtocolStatus.Accepted, ("L1", 500, FieldStatus.Accepted)), ["R4"]);
        var violatedInReview = Outcome("phone", null, Recognised(ProtocolStatus.NeedsReview, ("L1", 500, FieldStatus.NeedsReview)), ["R4"]);

        var metrics = MetricsCalculator.Compute([consistentAccepted, violatedAccepted, violatedInReview], 12, pipelineReportsCorners: false);

        Assert.Equal(2, metrics.ViolatedProtocols);
        Assert.Equal(1, metrics.ViolatedProtocolsAccepted);
    }

    [Fact]
    public void The_review_rate_of_consistent_protocols_leaves_out_those_whose_true_numbers_break_a_relation()
    {
        var consistentInReview = Outcome("phone", null, Recognised(ProtocolStatus.NeedsReview, ("L1", 500, FieldStatus.NeedsReview)));
        var consistentAccepted = Outcome("phone", null, Recognised(ProtocolStatus.Accepted, ("L1", 500, FieldStatus.Accepted)));
        var violatedInReview = Outcome("phone", null, Recognised(ProtocolStatus.NeedsReview, ("L1", 500, FieldStatus.NeedsReview)), ["R4"]);

        var metrics = MetricsCalculator.Compute([consistentInReview, consistentAccepted, violatedInReview], 12, pipelineReportsCorners: false);

        // Each truth has L1, L2 and L3; only L1 was read, accepted in one consistent protocol.
        Assert.Equal(8.0 / 9, metrics.ReviewRate!.Value, 6);
        Assert.Equal(5.0 / 6, metrics.ConsistentProtocolsReviewRate!.Value, 6);
    }

    [Fact]
    public void Registration_succeeds_only_when_every_field_lands_within_tolerance()
    {
        PhotoPoint[] exact = [.. PageCorners.Select(point => new PhotoPoint(point.X, point.Y))];
        PhotoPoint[] shifted = [.. PageCorners.Select(point => new PhotoPoint(point.X + 30, point.Y))];
        var onTarget = Outcome("clean", null, Recognised(ProtocolStatus.Accepted, ("L1", 500, FieldStatus.Accepted)) with { PageCorners = exact });
        var offTarget = Outcome("clean", null, Recognised(ProtocolStatus.Accepted, ("L1", 500, FieldStatus.Accepted)) with { PageCorners = shifted });
        var noPage = Outcome("clean", null, Rejected(ReasonCodes.PageNotFound));

        var metrics = MetricsCalculator.Compute([onTarget, offTarget, noPage], 12, pipelineReportsCorners: true);

        Assert.Equal(3, metrics.RegistrationMeasured);
        Assert.Equal(1.0 / 3, metrics.RegistrationSuccessRate);
        Assert.Equal(30, RegistrationCheck.WorstFieldError(offTarget.Truth, shifted)!.Value, precision: 1);
    }

    [Fact]
    public void Report_breaks_down_by_level_and_writes_snake_case_json()
    {
        var outcomes = new[]
        {
            Outcome("clean", null, Recognised(ProtocolStatus.Accepted, ("L1", 500, FieldStatus.Accepted)) with { PageCorners = [.. PageCorners.Select(point => new PhotoPoint(point.X, point.Y))] }),
            Outcome("bad", ReasonCodes.TooDark, Rejected(ReasonCodes.TooDark)),
        };

        var report = MetricsCalculator.Report(outcomes, 12, new BenchmarkCosts(2, 512), "test");
        var json = report.ToJson();

        Assert.Equal(["bad", "clean"], report.ByLevel.Keys.ToArray());
        Assert.Equal(1.0, report.ByLevel["clean"].RegistrationSuccessRate);
        Assert.Equal(1.0, report.Overall.PhotosPerSecond);
        Assert.Equal(512, report.Overall.PeakMemoryMb);
        Assert.Contains("\"silent_error_rate\"", json);
        Assert.Contains("\"bad_photos_rejected_with_right_reason\"", json);
        Assert.Contains("\"by_level\"", json);
        Assert.Equal(json, MetricsCalculator.Report(outcomes, 12, new BenchmarkCosts(2, 512), "test").ToJson());
    }

    [Fact]
    public void Registered_figures_count_only_photos_whose_fields_landed_in_place()
    {
        PhotoPoint[] exact = [.. PageCorners.Select(point => new PhotoPoint(point.X, point.Y))];
        PhotoPoint[] shifted = [.. PageCorners.Select(point => new PhotoPoint(point.X + 30, point.Y))];
        var registered = Outcome("phone", null, Recognised(ProtocolStatus.Accepted, ("L1", 500, FieldStatus.Accepted)) with { PageCorners = exact });
        var misplaced = Outcome("phone", null, Recognised(ProtocolStatus.NeedsReview, ("L1", 7, FieldStatus.NeedsReview)) with { PageCorners = shifted });

        var report = MetricsCalculator.Report([registered, misplaced], 12, new BenchmarkCosts(1, 100), "test");

        Assert.Equal(1, report.Registered!.GoodPhotos);
        Assert.Equal(1.0 / 3, report.Registered.FieldAccuracy);
        Assert.Equal(1.0 / 6, report.Overall.FieldAccuracy);
    }

    [Fact]
    public void Field_details_have_one_row_per_truth_field_with_value_status_and_alternatives()
    {
        var outcome = Outcome("phone", null, Recognised(ProtocolStatus.NeedsReview, ("L1", 500, FieldStatus.Accepted), ("L2", 430, FieldStatus.NeedsReview)));
        var output = new StringWriter();

        FieldDetailsWriter.Write(output, [outcome, Outcome("bad", ReasonCodes.TooDark, Rejected(ReasonCodes.TooDark))], 12);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();
        Assert.Equal(FieldDetailsWriter.Header, lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("x.jpg,phone,handwritten,0,,L1,500,500,1,Accepted,", lines[1]);
        Assert.StartsWith("x.jpg,phone,handwritten,0,,L2,480,430,0,NeedsReview,", lines[2]);
        Assert.StartsWith("x.jpg,phone,handwritten,0,,L3,20,,0,missing,", lines[3]);
    }

    [Fact]
    public void Table_lists_every_figure_for_every_level()
    {
        var report = MetricsCalculator.Report(
            [Outcome("phone", null, Recognised(ProtocolStatus.Accepted, ("L1", 500, FieldStatus.Accepted)))], 12, new BenchmarkCosts(1, 100), "test");
        var output = new StringWriter();

        BenchmarkTable.Write(output, report);

        var text = output.ToString();
        Assert.Contains("field_accuracy", text);
        Assert.Contains("violated_protocols_accepted", text);
        Assert.Contains("phone", text);
        Assert.Contains("100.00%", text);
    }

    private static PhotoOutcome Outcome(
        string level, string? expectedReason, ProtocolRecognition recognition, IReadOnlyList<string>? violatedRelations = null)
    {
        var fields = expectedReason == ReasonCodes.TooBlurry || expectedReason == ReasonCodes.TooDark
            ? []
            : new[] { ("L1", 500L), ("L2", 480L), ("L3", 20L) }
                .Select((field, row) => new FieldTruth(field.Item1, field.Item2, Box(row), "handwritten", []))
                .ToList();
        var truth = new PhotoTruth(
            "x.jpg", "kz.president.2019", "1", level, "handwritten", 1, 0, 2000, 2600, 1654, 2339, expectedReason, violatedRelations ?? [],
            expectedReason == ReasonCodes.NotAProtocol ? null : PageCorners, fields, "blue_ballpoint",
            CapturePresets.Sample(CaptureLevel.Clean, new Random(1)));
        return new PhotoOutcome(truth, recognition, 0.5, 0.25);
    }

    /// <summary>A field box on the page at (880, 540 + 84 row), shifted by the page's offset (100, 100) in the photo.</summary>
    private static List<TruthPoint> Box(int row)
    {
        var y = 640 + row * 84;
        return [new(980, y), new(1310, y), new(1310, y + 66), new(980, y + 66)];
    }

    private static ProtocolRecognition Recognised(ProtocolStatus status, params (string Id, long Value, FieldStatus Status)[] fields) =>
        new("kz.president.2019", "test", status, null,
            fields.Select(field => new FieldReading(field.Id, field.Value, field.Value.ToString(), 0.9, field.Status, null, [], "test", new BoxRect(0, 0, 1, 1))).ToList(),
            [], []);

    private static ProtocolRecognition Rejected(string reason) =>
        new("kz.president.2019", "test", ProtocolStatus.Rejected, new RejectionReason(reason, "test"), [], [], []);
}
