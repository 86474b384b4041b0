using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Pipeline.Arithmetic;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>The decision stage on constructed readings of the sample form (every value consistent).</summary>
public sealed class FieldDeciderTests
{
    private static readonly FormDefinition Form = TestForms.Sample;

    [Fact]
    public void A_value_no_equality_vouches_for_read_by_one_engine_goes_to_review()
    {
        var fields = Decide(engineOf: id => id == "PC" ? "tesseract" : "tesseract+digits");

        Assert.Equal(ReviewReasons.SingleWitness, fields.Single(f => f.FieldId == "PC").ReviewReason);
    }

    [Fact]
    public void A_value_no_equality_vouches_for_read_alike_by_two_engines_is_accepted()
    {
        var fields = Decide(engineOf: _ => "tesseract+digits");

        Assert.Equal(FieldStatus.Accepted, fields.Single(f => f.FieldId == "PC").Status);
    }

    [Fact]
    public void A_value_a_holding_equality_vouches_for_is_accepted_from_one_engine()
    {
        var fields = Decide(engineOf: _ => "digits");

        Assert.Equal(FieldStatus.Accepted, fields.Single(f => f.FieldId == "L4").Status);
        Assert.Equal(ReviewReasons.SingleWitness, fields.Single(f => f.FieldId == "PC").ReviewReason);
    }

    [Fact]
    public void A_precinct_number_read_by_one_engine_is_accepted_when_it_is_the_one_the_sender_named()
    {
        var fields = Decide(engineOf: id => id == "PC" ? "tesseract" : "tesseract+digits", statedPrecinct: " 418");

        Assert.Equal((FieldStatus.Accepted, null), (fields.Single(f => f.FieldId == "PC").Status, fields.Single(f => f.FieldId == "PC").ReviewReason));
    }

    [Fact]
    public void A_precinct_number_both_engines_read_alike_goes_to_review_when_the_sender_named_another()
    {
        var fields = Decide(engineOf: _ => "tesseract+digits", statedPrecinct: "481");

        Assert.Equal(ReviewReasons.StatedPrecinctDiffers, fields.Single(f => f.FieldId == "PC").ReviewReason);
        Assert.Equal(FieldStatus.Accepted, fields.Single(f => f.FieldId == "L1").Status);
    }

    [Theory]
    [InlineData("418", FieldStatus.Accepted, null)]
    [InlineData("481", FieldStatus.NeedsReview, ReviewReasons.StatedPrecinctDiffers)]
    [InlineData(null, FieldStatus.NeedsReview, ReviewReasons.LowConfidence)]
    public void An_unsure_precinct_number_is_accepted_only_when_it_is_the_one_the_sender_named(
        string? statedPrecinct, FieldStatus expected, string? reason)
    {
        var fields = Decide(engineOf: _ => "digits", statedPrecinct, confidenceOf: id => id == "PC" ? 0.5 : 0.999);

        var precinct = fields.Single(f => f.FieldId == "PC");
        Assert.Equal((expected, reason), (precinct.Status, precinct.ReviewReason));
    }

    [Theory]
    [InlineData(0.9, FieldStatus.Accepted)]
    [InlineData(0.2, FieldStatus.NeedsReview)]
    public void Inside_a_failing_sum_a_sure_value_is_cleared_only_when_a_misread_explains_the_failure_better_than_a_wrong_protocol(
        double explained, FieldStatus expected)
    {
        // V3 295 breaks R4 and the arithmetic blames it; V1, read alike by both engines, it vouches for.
        var readings = Form.Fields.Select(field => new FieldReading(
            field.Id, TestProtocols.BreakingR4[field.Id], TestProtocols.BreakingR4[field.Id].ToString(), 0.999,
            FieldStatus.NeedsReview, null, [], "tesseract+digits", field.Box)).ToList();
        var verdicts = new[] { "L4", "L5", "V1", "V2", "V3", "V4", "V5", "V6", "V7" }
            .Select(id => new ArithmeticVerdict(id, TestProtocols.BreakingR4[id], id == "V3" ? 0.6 : 0.999, id != "V3", [], explained))
            .ToList();
        var report = new ProtocolValidator().Validate(Form, readings);

        var fields = new FieldDecider(PipelineSettings.Default).Decide(Form, readings, report, verdicts);

        Assert.Equal(FieldStatus.NeedsReview, fields.Single(f => f.FieldId == "V3").Status);
        Assert.Equal(expected, fields.Single(f => f.FieldId == "V1").Status);
    }

    private static IReadOnlyList<FieldReading> Decide(
        Func<string, string> engineOf, string? statedPrecinct = null, Func<string, double>? confidenceOf = null)
    {
        var readings = Form.Fields.Select(field => new FieldReading(
            field.Id, TestProtocols.Consistent[field.Id], TestProtocols.Consistent[field.Id].ToString(), confidenceOf?.Invoke(field.Id) ?? 0.999,
            FieldStatus.NeedsReview, null, [], engineOf(field.Id), field.Box)).ToList();
        var report = new ProtocolValidator().Validate(Form, readings);
        return new FieldDecider(PipelineSettings.Default).Decide(Form, readings, report, [], statedPrecinct);
    }
}
