using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Pipeline.Arithmetic;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>The arithmetic correction and the decisions that follow, on constructed readings of the sample form.</summary>
public sealed class ArithmeticCorrectorTests
{
    private static readonly FormDefinition Form = TestForms.Sample;

    [Fact]
    public void A_single_misread_digit_is_corrected_by_the_sum_it_breaks()
    {
        var readings = Readings(TestProtocols.BreakingR4, unsure: new() { ["V3"] = (0.60, [new ValueAlternative(285, 0.35)]) });

        var fields = Decide(readings);

        var v3 = fields.Single(field => field.FieldId == "V3");
        Assert.Equal(285, v3.Value);
        Assert.Equal(FieldStatus.Accepted, v3.Status);
        Assert.Equal("corrected_by_relation:R4", v3.Correction);
        Assert.Contains(v3.Alternatives, alternative => alternative.Value == 295);
        Assert.All(fields.Where(field => field.FieldId != "V3"), field => Assert.Null(field.Correction));
        Assert.Equal(FieldStatus.Accepted, fields.Single(field => field.FieldId == "L4").Status);
    }

    [Fact]
    public void Two_equally_likely_fixes_go_to_review_unchanged()
    {
        var readings = Readings(TestProtocols.BreakingR4, unsure: new()
        {
            ["V3"] = (0.70, [new ValueAlternative(285, 0.25)]),
            ["V5"] = (0.70, [new ValueAlternative(51, 0.25)]),
        });

        var fields = Decide(readings);

        foreach (var id in new[] { "V3", "V5" })
        {
            var field = fields.Single(field => field.FieldId == id);
            Assert.Equal(FieldStatus.NeedsReview, field.Status);
            Assert.Equal(TestProtocols.BreakingR4[id], field.Value);
            Assert.Null(field.Correction);
        }

        // L4 is 1204 under either fix (and if the protocol itself were wrong): the ambiguity is not about it.
        Assert.Equal(FieldStatus.Accepted, fields.Single(field => field.FieldId == "L4").Status);
        Assert.Equal(ProtocolStatus.NeedsReview, FieldDecider.ProtocolStatusOf(fields));
    }

    [Fact]
    public void A_protocol_that_truly_breaks_its_sum_is_not_corrected_into_a_consistent_lie()
    {
        // Every value read right and surely; the fix exists among the alternatives but the engine barely considered it.
        var readings = Readings(TestProtocols.BreakingR4, unsure: new() { ["V3"] = (0.995, [new ValueAlternative(285, 0.004)]) });

        var fields = Decide(readings);

        var v3 = fields.Single(field => field.FieldId == "V3");
        Assert.Equal(295, v3.Value);
        Assert.Equal(FieldStatus.NeedsReview, v3.Status);
        Assert.Equal(ReviewReasons.RelationFailed(["R4"]), v3.ReviewReason);
        Assert.Equal(ProtocolStatus.NeedsReview, FieldDecider.ProtocolStatusOf(fields));
    }

    [Fact]
    public void The_fields_no_likely_repair_touches_are_accepted_while_their_sum_fails()
    {
        var readings = Readings(TestProtocols.BreakingR4, unsure: new()
        {
            ["V3"] = (0.70, [new ValueAlternative(285, 0.25)]),
            ["V5"] = (0.70, [new ValueAlternative(51, 0.25)]),
        });

        var fields = Decide(readings);

        Assert.All(
            fields.Where(field => field.FieldId is "V1" or "V2" or "V4" or "V6" or "V7" or "L5"),
            field => Assert.Equal((FieldStatus.Accepted, null), (field.Status, field.ReviewReason)));
        Assert.Equal(ProtocolStatus.NeedsReview, FieldDecider.ProtocolStatusOf(fields));
    }

    [Fact]
    public void Three_suspects_in_one_sum_send_the_whole_sum_to_review()
    {
        var readings = Readings(TestProtocols.BreakingR4, unsure: new()
        {
            ["V3"] = (0.70, [new ValueAlternative(285, 0.25)]),
            ["V5"] = (0.70, [new ValueAlternative(51, 0.25)]),
            ["V6"] = (0.70, [new ValueAlternative(680, 0.25)]),
        });

        var fields = Decide(readings);

        Assert.All(
            fields.Where(field => field.FieldId is "L5" or "V1" or "V2" or "V4" or "V7"),
            field => Assert.Equal((FieldStatus.NeedsReview, ReviewReasons.RelationFailed(["R4"])), (field.Status, field.ReviewReason)));
    }

    [Fact]
    public void A_value_the_engines_disagree_on_is_not_vouched_for_by_a_sum_that_still_fails()
    {
        // V6's barely considered 680 would repair R4, but not surely enough to be applied: R4 keeps failing. V3 (295
        // for 285) is hardly to blame, yet its engines disagreed: the failing sum cannot vouch for it. A sum 10 too high
        // is also one wrong digit in L4 (1204 for 1214) or V1 (46 for 36): too many suspects, the whole sum goes to review.
        var readings = Readings(TestProtocols.BreakingR4, unsure: new() { ["V6"] = (0.999, [new ValueAlternative(680, 0.01)]) })
            .Select(reading => reading.FieldId == "V3" ? reading with { Confidence = 0.99, ReviewReason = "engines_disagree" } : reading)
            .ToList();

        var fields = Decide(readings);

        Assert.Equal(FieldStatus.NeedsReview, fields.Single(f => f.FieldId == "V3").Status);
        Assert.Equal(690, fields.Single(f => f.FieldId == "V6").Value);
        Assert.Equal(FieldStatus.NeedsReview, fields.Single(f => f.FieldId == "V6").Status);
        Assert.Equal(FieldStatus.NeedsReview, fields.Single(f => f.FieldId == "V1").Status);
    }

    [Fact]
    public void A_sum_one_plausible_misread_breaks_clears_the_values_one_engine_read()
    {
        // V3 285 read 2850 (a digit read twice), unsure: no other value of R4 can be what the sum needs (they would be
        // negative, L4 would be 3769 for 1204), so the failure is placed on V3 and the others are vouched for.
        var readings = OneEngine(new Dictionary<string, long>(TestProtocols.Consistent) { ["V3"] = 2850 }, unsure: new() { ["V3"] = 0.30 });

        var fields = Decide(readings);

        Assert.Equal(FieldStatus.NeedsReview, fields.Single(field => field.FieldId == "V3").Status);
        Assert.All(
            fields.Where(field => field.FieldId is "L4" or "L5" or "V1" or "V2" or "V4" or "V5" or "V6" or "V7"),
            field => Assert.Equal((FieldStatus.Accepted, null), (field.Status, field.ReviewReason)));
    }

    [Fact]
    public void A_sum_no_single_plausible_misread_explains_keeps_the_values_one_engine_read_in_review()
    {
        // Two misreads (V3 2850 for 285, V1 460 for 46): no value alone repairs the sum, "the protocol is wrong" is the
        // likelier account, and a value the digit engine alone read may be the second misread.
        var values = new Dictionary<string, long>(TestProtocols.Consistent) { ["V3"] = 2850, ["V1"] = 460 };
        var readings = OneEngine(values, unsure: new() { ["V3"] = 0.30, ["V1"] = 0.30 });

        var fields = Decide(readings);

        Assert.All(
            fields.Where(field => field.FieldId is "L4" or "L5" or "V1" or "V2" or "V3" or "V4" or "V5" or "V6" or "V7"),
            field => Assert.Equal(FieldStatus.NeedsReview, field.Status));
    }

    [Fact]
    public void A_sure_misread_that_breaks_a_sum_is_not_blamed_on_its_neighbours()
    {
        // The same misread as above read surely: a wrong protocol explains the failure as well as it does, so nothing is cleared.
        var readings = OneEngine(new Dictionary<string, long>(TestProtocols.Consistent) { ["V3"] = 2850 }, unsure: []);

        var fields = Decide(readings);

        Assert.All(
            fields.Where(field => field.FieldId is "L4" or "L5" or "V1" or "V2" or "V3" or "V4" or "V5" or "V6" or "V7"),
            field => Assert.Equal(FieldStatus.NeedsReview, field.Status));
    }

    [Fact]
    public void A_protocol_read_surely_that_breaks_its_sum_sends_the_whole_sum_to_review()
    {
        var fields = Decide(Readings(TestProtocols.BreakingR4, unsure: []));

        string[] inR4 = ["L4", "L5", "V1", "V2", "V3", "V4", "V5", "V6", "V7"];
        Assert.All(
            fields.Where(field => inR4.Contains(field.FieldId)),
            field => Assert.Equal((FieldStatus.NeedsReview, ReviewReasons.RelationFailed(["R4"]), (long?)TestProtocols.BreakingR4[field.FieldId]), (field.Status, field.ReviewReason, field.Value)));
        Assert.All(fields.Where(field => field.FieldId is "L2" or "L3" or "L6"), field => Assert.Equal(FieldStatus.Accepted, field.Status));
    }

    [Fact]
    public void An_unsure_value_whose_fix_the_engines_did_not_list_is_not_corrected()
    {
        // The sum would give V3 = 285, but no engine offered it: solving it from the sum could turn a protocol that
        // truly breaks R4 into a consistent lie, so V3 keeps its reading and the protocol goes to a person.
        var readings = Readings(TestProtocols.BreakingR4, unsure: new() { ["V3"] = (0.50, []) });

        var fields = Decide(readings);

        var v3 = fields.Single(field => field.FieldId == "V3");
        Assert.Equal((295L, FieldStatus.NeedsReview, (string?)null), (v3.Value!.Value, v3.Status, v3.Correction));
        Assert.DoesNotContain(fields, field => field.Correction is not null);
        Assert.Equal(ProtocolStatus.NeedsReview, FieldDecider.ProtocolStatusOf(fields));
    }

    [Fact]
    public void An_unsure_value_that_a_holding_equality_pins_is_accepted_on_the_arithmetic_s_word()
    {
        var readings = Readings(TestProtocols.Consistent, unsure: new() { ["V3"] = (0.60, [new ValueAlternative(235, 0.30)]) });

        var fields = Decide(readings);

        var v3 = fields.Single(field => field.FieldId == "V3");
        Assert.Equal(285, v3.Value);
        Assert.Equal(FieldStatus.Accepted, v3.Status);
        Assert.Null(v3.Correction);
        Assert.True(v3.Confidence > 0.99);
    }

    [Fact]
    public void An_unsure_value_only_an_inequality_checks_stays_in_review()
    {
        // L1 is in R1 (L3 <= L1) only: its alternative satisfies everything as well.
        var readings = Readings(TestProtocols.Consistent, unsure: new() { ["L1"] = (0.60, [new ValueAlternative(1723, 0.30)]) });

        var fields = Decide(readings);

        var l1 = fields.Single(field => field.FieldId == "L1");
        Assert.Equal(FieldStatus.NeedsReview, l1.Status);
        Assert.Equal(ReviewReasons.LowConfidence, l1.ReviewReason);
    }

    [Fact]
    public void A_sure_value_left_with_only_an_inequality_is_not_vouched_for_by_the_arithmetic()
    {
        // V6 missing: R4 cannot be checked, so L4 is left with R3 (L4 <= L3), which almost any misread satisfies.
        var readings = Readings(TestProtocols.Consistent, unsure: new() { ["L4"] = (0.9983, []) })
            .Select(reading => reading.FieldId == "V6" ? reading with { Value = null, Text = "" } : reading)
            .ToList();

        var verdicts = new ArithmeticCorrector(ArithmeticSettings.Default).Judge(Form, readings);

        Assert.False(verdicts.Single(verdict => verdict.FieldId == "L4").Trusted);
    }

    [Fact]
    public void A_relation_that_cannot_be_checked_takes_no_part()
    {
        var readings = Readings(TestProtocols.BreakingR4, unsure: new() { ["V3"] = (0.70, [new ValueAlternative(285, 0.25)]) })
            .Select(reading => reading.FieldId == "V6" ? reading with { Value = null, Text = "" } : reading)
            .ToList();

        var verdicts = new ArithmeticCorrector(ArithmeticSettings.Default).Judge(Form, readings);

        // R4 (L4 == L5 + V1..V7) needs V6: its fields other than L4 (also in R3) get no verdict, and nothing is corrected.
        Assert.DoesNotContain(verdicts, verdict => verdict.FieldId is "V3" or "V6" or "L5");
        Assert.DoesNotContain(verdicts, verdict => verdict.IsCorrection);
    }

    private static IReadOnlyList<FieldReading> Decide(IReadOnlyList<FieldReading> readings)
    {
        var verdicts = new ArithmeticCorrector(ArithmeticSettings.Default).Judge(Form, readings);
        var corrected = ArithmeticCorrector.ApplyCorrections(readings, verdicts);
        var report = new ProtocolValidator().Validate(Form, corrected);
        return new FieldDecider(PipelineSettings.Default).Decide(Form, corrected, report, verdicts);
    }

    /// <summary>Every value read by the digit engine alone at 0.98, except the unsure ones given.</summary>
    private static List<FieldReading> OneEngine(IReadOnlyDictionary<string, long> values, Dictionary<string, double> unsure) =>
        Form.Fields.Select(field => new FieldReading(
            field.Id, values[field.Id], values[field.Id].ToString(), unsure.GetValueOrDefault(field.Id, 0.98), FieldStatus.NeedsReview, null, [],
            "digits", field.Box)).ToList();

    /// <summary>Every value read by both engines alike at 0.999, except the unsure ones given.</summary>
    private static List<FieldReading> Readings(
        IReadOnlyDictionary<string, long> values, Dictionary<string, (double Confidence, ValueAlternative[] Alternatives)> unsure) =>
        Form.Fields.Select(field =>
        {
            var (confidence, alternatives) = unsure.GetValueOrDefault(field.Id, (0.999, []));
            return new FieldReading(
                field.Id, values[field.Id], values[field.Id].ToString(), confidence, FieldStatus.NeedsReview, null, alternatives,
                "tesseract+digits", field.Box);
        }).ToList();
}
