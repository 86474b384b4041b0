using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Pipeline.Arithmetic;
using ProtocolOcr.Recognition.Arbitration;
using ProtocolOcr.Recognition.Words;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>What words that name a value do to a field's reading, and through it to the arithmetic and the decision (sample form).</summary>
public sealed class WordsWitnessTests
{
    private static readonly FormDefinition Form = TestForms.Sample;

    [Fact]
    public void Words_naming_the_value_read_make_it_likelier_and_count_as_a_second_engine()
    {
        var reading = Reading("L1", 1523, 0.96, "digits", new ValueAlternative(1528, 0.03));

        var witnessed = WordsWitness.Apply(reading, 1523, lettersOff: 0);

        Assert.Equal(1523, witnessed.Value);
        Assert.Equal(2, witnessed.AgreeingEngines);
        Assert.Equal("digits+words", witnessed.Engine);
        Assert.InRange(witnessed.Confidence, 0.999, 1);
        Assert.True(witnessed.Alternatives.Single().Confidence < 0.001);
    }

    [Fact]
    public void Words_naming_the_value_one_engine_alone_read_settle_the_engines_disagreement()
    {
        var reading = Reading("L1", 1523, 0.9, "tesseract+digits") with { ReviewReason = EngineArbiter.EnginesDisagree };

        Assert.Null(WordsWitness.Apply(reading, 1523, lettersOff: 0).ReviewReason);
    }

    [Fact]
    public void Words_naming_a_listed_alternative_make_it_the_value_but_keep_the_field_in_review()
    {
        var reading = Reading("L1", 1528, 0.9, "digits", new ValueAlternative(1523, 0.08));

        var witnessed = WordsWitness.Apply(reading, 1523, lettersOff: 0);

        Assert.Equal(1523, witnessed.Value);
        Assert.Equal(WordsWitness.EngineName, witnessed.Engine);
        Assert.Equal(ReviewReasons.WordsDiffer, witnessed.ReviewReason);
        Assert.Equal(1528, witnessed.Alternatives[0].Value);
    }

    [Fact]
    public void Words_a_letter_off_a_value_no_engine_listed_add_it_beside_a_confident_reading()
    {
        var reading = Reading("L1", 1528, 0.97, "digits");

        var witnessed = WordsWitness.Apply(reading, 1523, lettersOff: 1);

        Assert.Equal(1528, witnessed.Value);
        Assert.Equal(ReviewReasons.WordsDiffer, witnessed.ReviewReason);
        Assert.Equal(1523, witnessed.Alternatives.Single().Value);
        Assert.InRange(witnessed.Alternatives.Single().Confidence, 0.1, 0.3);
    }

    [Fact]
    public void Words_spelling_a_value_no_engine_listed_letter_for_letter_outweigh_a_confident_reading()
    {
        var reading = Reading("L1", 1528, 0.97, "digits");

        var witnessed = WordsWitness.Apply(reading, 1523, lettersOff: 0);

        Assert.Equal(1523, witnessed.Value);
        Assert.Equal(ReviewReasons.WordsDiffer, witnessed.ReviewReason);
        Assert.Equal(1528, witnessed.Alternatives[0].Value);
    }

    [Fact]
    public void Words_naming_a_value_no_engine_listed_outweigh_a_reading_nine_in_ten_sure()
    {
        // The reading leaves a tenth of doubt; the words name a value in it (printed "202" merged into "28", as on DEV).
        var reading = Reading("V4", 28, 0.9, "digits");

        var witnessed = WordsWitness.Apply(reading, 202, lettersOff: 0);

        Assert.Equal(202, witnessed.Value);
        Assert.Equal(WordsWitness.EngineName, witnessed.Engine);
        Assert.Equal(ReviewReasons.WordsDiffer, witnessed.ReviewReason);
        Assert.Equal(28, witnessed.Alternatives[0].Value);
    }

    [Fact]
    public void Blank_words_boxes_leave_the_readings_as_they_were()
    {
        using var reader = new NumberWordsReader();
        var form = FormCatalog.LoadDirectory(FormsDirectory.Locate()).Get("kz.president.2019");
        using var page = new Mat(form.ReferenceSize.Height, form.ReferenceSize.Width, MatType.CV_8UC1, Scalar.All(235));
        var readings = form.Fields.Where(field => field.WordsBox is not null)
            .Select(field => new FieldReading(field.Id, 120, "120", 0.9, FieldStatus.NeedsReview, null, [], "digits", field.Box))
            .ToList();

        using var flat = new AlignedPage(page.Clone());
        var witnessed = new WordsWitness(reader).Witness(flat, form, readings, readings, CancellationToken.None);

        Assert.Same(readings, witnessed);
    }

    [Fact]
    public void A_value_no_equality_checks_is_accepted_once_its_words_name_it()
    {
        var readings = Readings(("L1", 1523, 0.97, "digits"));

        Assert.Equal(ReviewReasons.SingleWitness, Decide(readings).Single(f => f.FieldId == "L1").ReviewReason);

        var witnessed = readings.Select(reading => reading.FieldId == "L1" ? WordsWitness.Apply(reading, 1523, lettersOff: 0) : reading).ToList();
        Assert.Equal(FieldStatus.Accepted, Decide(witnessed).Single(f => f.FieldId == "L1").Status);
    }

    [Fact]
    public void A_misread_is_corrected_when_the_words_name_the_runner_up_its_sum_needs()
    {
        // V3 is 285; the digits read 235, sure at 0.97, with 285 far behind. R4 fails; the words name 285, with which it holds.
        var readings = Readings(("V3", 235, 0.97, "digits"));
        readings[readings.FindIndex(reading => reading.FieldId == "V3")] = Reading("V3", 235, 0.97, "digits", new ValueAlternative(285, 0.01));
        Assert.Equal(FieldStatus.NeedsReview, Decide(readings).Single(f => f.FieldId == "V3").Status);

        var witnessed = readings.Select(reading => reading.FieldId == "V3" ? WordsWitness.Apply(reading, 285, lettersOff: 0) : reading).ToList();
        var v3 = Decide(witnessed).Single(f => f.FieldId == "V3");

        Assert.Equal((FieldStatus.Accepted, 285L), (v3.Status, v3.Value!.Value));
    }

    [Fact]
    public void A_protocol_whose_true_numbers_break_a_sum_stays_in_review_when_the_words_confirm_every_value()
    {
        var readings = Form.Fields
            .Select(field => WordsWitness.Apply(
                Reading(field.Id, TestProtocols.BreakingR4[field.Id], 0.97, "digits"), TestProtocols.BreakingR4[field.Id], lettersOff: 0))
            .ToList();

        var fields = Decide(readings);

        Assert.All(
            fields.Where(field => field.FieldId is "L4" or "L5" || field.FieldId.StartsWith('V')),
            field => Assert.Equal(FieldStatus.NeedsReview, field.Status));
    }

    private static FieldReading Reading(string fieldId, long value, double confidence, string engine, params ValueAlternative[] alternatives) =>
        new(fieldId, value, value.ToString(System.Globalization.CultureInfo.InvariantCulture), confidence, FieldStatus.NeedsReview, null,
            alternatives, engine, Form.Field(fieldId).Box);

    /// <summary>The consistent protocol read by both engines at 0.999, but for the readings given.</summary>
    private static List<FieldReading> Readings(params (string FieldId, long Value, double Confidence, string Engine)[] changed) =>
        Form.Fields.Select(field => changed.FirstOrDefault(change => change.FieldId == field.Id) is { FieldId: not null } change
                ? Reading(change.FieldId, change.Value, change.Confidence, change.Engine)
                : Reading(field.Id, TestProtocols.Consistent[field.Id], 0.999, "tesseract+digits"))
            .ToList();

    /// <summary>The arithmetic, the relations and the decision, as the pipeline runs them.</summary>
    private static IReadOnlyList<FieldReading> Decide(IReadOnlyList<FieldReading> readings)
    {
        var verdicts = new ArithmeticCorrector(ArithmeticSettings.Default).Judge(Form, readings);
        var corrected = ArithmeticCorrector.ApplyCorrections(readings, verdicts);
        var report = new ProtocolValidator().Validate(Form, corrected);
        return new FieldDecider(PipelineSettings.Default).Decide(Form, corrected, report, verdicts, statedPrecinct: "418");
    }
}
