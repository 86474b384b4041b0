using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Recognition.Arbitration;

namespace ProtocolOcr.Recognition.Tests.Arbitration;

public sealed class EngineArbiterTests
{
    private static readonly FieldDefinition Field = new("L1", FieldKind.Count, new BoxRect(0, 0, 300, 60), LocalizedText.Empty);

    /// <summary>
    /// PipelineSettings.AcceptConfidence: the calibrated confidences are DEV shares of right values (refitted whenever an
    /// engine changes), so these tests check which side of the accept line a case falls on, not a bin's value.
    /// </summary>
    private const double PipelineAcceptConfidence = 0.85;

    [Fact]
    public void Agreeing_engines_give_the_value_with_a_calibrated_confidence_above_either()
    {
        var reading = Arbitrate(new ScriptedReader("tess", 1378, 0.80), new ScriptedReader("digits", 1378, 0.90));

        Assert.Equal(1378, reading.Value);
        Assert.True(reading.Confidence > 0.90);
        Assert.Null(reading.ReviewReason);
        Assert.Equal("tess+digits", reading.Engine);
        Assert.Equal(2, reading.AgreeingEngines);
    }

    [Fact]
    public void Engines_agreeing_on_handwriting_the_digit_engine_doubts_are_not_trusted()
    {
        // DEV: Tesseract unsure, digit engine under 0.5, same value: right 4 of 13 (both misread a leading digit alike).
        var reading = Arbitrate(new ScriptedReader("tess", 490, 0.93), new ScriptedReader("digits", 490, 0.45));

        Assert.Equal(490, reading.Value);
        Assert.True(reading.Confidence < PipelineAcceptConfidence);
    }

    [Fact]
    public void A_printed_looking_field_is_read_by_tesseract_when_the_digit_engine_is_unsure()
    {
        var reading = Arbitrate(new ScriptedReader("tess", 1266, 0.995), new ScriptedReader("digits", 126, 0.45));

        Assert.Equal(1266, reading.Value);
        Assert.Equal("tess", reading.Engine);
        Assert.Null(reading.ReviewReason);
        Assert.Contains(reading.Alternatives, a => a.Value == 126 && a.Confidence < 0.01);
    }

    [Fact]
    public void Handwriting_tesseract_misreads_is_read_by_the_digit_engine_and_tesseract_disagreeing_does_not_force_review()
    {
        var reading = Arbitrate(new ScriptedReader("tess", 4178, 0.93), new ScriptedReader("digits", 1378, 0.999));

        Assert.Equal(1378, reading.Value);
        Assert.Equal("digits", reading.Engine);
        Assert.Null(reading.ReviewReason);
        Assert.True(reading.Confidence >= PipelineAcceptConfidence);
        Assert.Contains(reading.Alternatives, a => a.Value == 4178);
    }

    [Fact]
    public void A_sure_digit_engine_overrules_tesseract_sure_of_another_value()
    {
        // DEV: when Tesseract was sure and the digit engine read another value at >= 0.9, Tesseract was wrong 12 of 13.
        var reading = Arbitrate(new ScriptedReader("tess", 706, 0.9955), new ScriptedReader("digits", 906, 0.995));

        Assert.Equal(906, reading.Value);
        Assert.Contains(reading.Alternatives, a => a.Value == 706);
    }

    [Fact]
    public void An_unsure_handwritten_reading_keeps_a_low_calibrated_confidence()
    {
        var reading = Arbitrate(new ScriptedReader("tess", 512, 0.40), new ScriptedReader("digits", 812, 0.45));

        Assert.Equal(812, reading.Value);
        Assert.True(reading.Confidence < 0.85);
    }

    [Fact]
    public void Sure_printed_digits_the_digit_engine_has_as_its_alternative_count_as_read_by_both()
    {
        var digits = new ScriptedReader("digits", 205, 0.45, alternatives: [new ValueAlternative(2005, 0.2)]);

        var reading = Arbitrate(new ScriptedReader("tess", 2005, 0.995), digits);

        Assert.Equal(2005, reading.Value);
        Assert.Equal(2, reading.AgreeingEngines);
        Assert.True(reading.Confidence >= PipelineAcceptConfidence);
    }

    [Fact]
    public void Sure_printed_digits_the_digit_engine_reads_alike_when_prepared_for_print_count_as_read_by_both()
    {
        var reading = Arbitrate(
            new ScriptedReader("tess", 206, 0.995), new ScriptedReader("digits", 28, 0.64), printWitness: new ScriptedReader("digits", 206, 0.99));

        Assert.Equal(206, reading.Value);
        Assert.Equal(2, reading.AgreeingEngines);
    }

    [Fact]
    public void Printed_digits_the_digit_engine_merged_count_as_read_by_both_when_tesseract_fairly_sure_and_the_print_witness_agree()
    {
        // DEV phone printed 256 #4: "732" in a bold font; handwriting preparation fattened it into touching digits read "2".
        var reading = Arbitrate(
            new ScriptedReader("tess", 732, 0.966), new ScriptedReader("digits", 2, 0.41), printWitness: new ScriptedReader("digits", 732, 0.98));

        Assert.Equal(732, reading.Value);
        Assert.Equal(2, reading.AgreeingEngines);
        Assert.True(reading.Confidence >= PipelineAcceptConfidence);
    }

    [Fact]
    public void Tesseract_fairly_sure_of_as_many_digits_as_the_digit_engine_is_not_confirmed_by_the_print_witness()
    {
        // DEV hard 213: handwritten "1577" read "1677" by Tesseract at 0.97 and by the digit engine prepared for print alike.
        var reading = Arbitrate(
            new ScriptedReader("tess", 1677, 0.97), new ScriptedReader("digits", 1577, 0.8), printWitness: new ScriptedReader("digits", 1677, 0.99));

        Assert.Equal(1577, reading.Value);
        Assert.Equal(1, reading.AgreeingEngines);
    }

    [Fact]
    public void Print_tesseract_misread_and_the_digit_engine_merged_is_read_by_the_sure_print_witness_and_reviewed()
    {
        // DEV phone printed 256 #27: "786" read "186" by Tesseract at 0.955 and "78" by the digit engine.
        var reading = Arbitrate(
            new ScriptedReader("tess", 186, 0.955), new ScriptedReader("digits", 78, 0.53), printWitness: new ScriptedReader("digits", 786, 0.996));

        Assert.Equal(786, reading.Value);
        Assert.True(reading.Confidence < PipelineAcceptConfidence);
        Assert.Contains(reading.Alternatives, a => a.Value == 186);
    }

    [Theory]
    [InlineData(193, 0.995, 183, 0.80)] // DEV phone printed 256 #130: the witness unsure, Tesseract right
    [InlineData(15, 0.95, 151, 0.995)] // the witness reads more digits than Tesseract
    public void The_print_witness_overrules_tesseract_only_sure_of_as_many_digits(long printed, double printedConfidence, long witness, double witnessConfidence)
    {
        var reading = Arbitrate(
            new ScriptedReader("tess", printed, printedConfidence), new ScriptedReader("digits", 8, 0.32),
            printWitness: new ScriptedReader("digits", witness, witnessConfidence));

        Assert.NotEqual(witness, reading.Value);
    }

    [Fact]
    public void Lighter_digits_tesseract_and_the_print_witness_drop_are_read_by_the_sure_digit_engine()
    {
        var reading = Arbitrate(
            new ScriptedReader("tess", 3, 0.9955), new ScriptedReader("digits", 378, 0.9955), printWitness: new ScriptedReader("digits", 3, 0.99));

        Assert.Equal(378, reading.Value);
        Assert.Contains(reading.Alternatives, a => a.Value == 3);
    }

    [Theory]
    [InlineData(true, 0.995, false)]
    [InlineData(true, 0.9, true)]
    [InlineData(false, 0.995, true)]
    public void Tesseract_is_asked_unless_the_digit_engine_is_sure_of_a_field_a_sum_checks(bool checkedBySum, double digitConfidence, bool asked)
    {
        var tesseract = new CountingReader(new ScriptedReader("tess", 418, 0.995));
        using var crop = new FieldCrop(Field, Field.Box, new Mat(60, 300, MatType.CV_8UC3, Scalar.White), checkedBySum);

        var reading = new EngineArbiter(tesseract, new ScriptedReader("digits", 418, digitConfidence), ArbiterSettings.Default).Read(crop, CancellationToken.None);

        Assert.Equal(418, reading.Value);
        Assert.Equal(asked, tesseract.Calls > 0);
    }

    [Fact]
    public void Ink_tesseract_cannot_read_is_read_by_the_digit_engine_alone()
    {
        var reading = Arbitrate(new ScriptedReader("tess", null, 0, FieldStatus.Empty), new ScriptedReader("digits", 41, 0.999));

        Assert.Equal(41, reading.Value);
        Assert.Null(reading.ReviewReason);
        Assert.Equal(1, reading.AgreeingEngines);
    }

    [Fact]
    public void Ink_the_digit_engine_cannot_read_goes_to_review()
    {
        var reading = Arbitrate(new ScriptedReader("tess", 41, 0.97), new ScriptedReader("digits", null, 0));

        Assert.Equal(EngineArbiter.EnginesDisagree, reading.ReviewReason);
    }

    [Fact]
    public void Printed_digits_the_digit_engine_merged_are_read_by_tesseract_when_its_runner_up_agrees()
    {
        var digits = new ScriptedReader("digits", 7, 0.57, alternatives: [new ValueAlternative(77, 0.43)]);

        var reading = Arbitrate(new ScriptedReader("tess", 77, 0.986), digits);

        Assert.Equal(77, reading.Value);
        Assert.Equal("tess", reading.Engine);
    }

    [Fact]
    public void Both_engines_seeing_an_empty_box_give_an_empty_reading()
    {
        var reading = Arbitrate(
            new ScriptedReader("tess", null, 0, FieldStatus.Empty), new ScriptedReader("digits", null, 0, FieldStatus.Empty));

        Assert.Equal(FieldStatus.Empty, reading.Status);
        Assert.Null(reading.Value);
    }

    [Fact]
    public void Print_both_digit_preparations_merged_is_read_by_tesseract_when_it_reads_it_alike_at_other_scales()
    {
        // DEV printed 256 #150: "1009" read "108" and "109" by the digit engine, "1009" by Tesseract at 0.988.
        var reading = Arbitrate(
            new ScriptedReader("tess", 1009, 0.988), new ScriptedReader("digits", 108, 0.32), new ScriptedReader("digits", 109, 0.64),
            [new ScriptedReader("tess", 1009, 0.995), new ScriptedReader("tess", 1009, 0.995)]);

        Assert.Equal(1009, reading.Value);
        Assert.Equal(ArbiterSettings.Default.ConfirmedAtOtherScales, reading.Confidence);
        Assert.Contains(reading.Alternatives, a => a.Value == 108);
    }

    [Fact]
    public void Print_both_digit_preparations_merged_stays_the_digit_engines_when_tesseract_reads_otherwise_at_a_scale()
    {
        var reading = Arbitrate(
            new ScriptedReader("tess", 1009, 0.988), new ScriptedReader("digits", 108, 0.32), new ScriptedReader("digits", 109, 0.64),
            [new ScriptedReader("tess", 1009, 0.995), new ScriptedReader("tess", 1000, 0.995)]);

        Assert.Equal(108, reading.Value);
    }

    [Fact]
    public void A_sure_digit_engine_is_not_put_to_tesseract_at_other_scales()
    {
        var otherScale = new CountingReader(new ScriptedReader("tess", 3200, 0.99));

        var reading = Arbitrate(
            new ScriptedReader("tess", 3200, 0.964), new ScriptedReader("digits", 302, 0.95), new ScriptedReader("digits", 302, 0.7),
            [otherScale]);

        Assert.Equal(302, reading.Value);
        Assert.Equal(0, otherScale.Calls);
    }

    private static FieldReading Arbitrate(
        ScriptedReader printed, ScriptedReader handwritten, ScriptedReader? printWitness = null, IReadOnlyList<IFieldReader>? printedAtOtherScales = null)
    {
        using var crop = new FieldCrop(Field, Field.Box, new Mat(60, 300, MatType.CV_8UC3, Scalar.White));
        return new EngineArbiter(printed, handwritten, ArbiterSettings.Default, printWitness: printWitness, printedAtOtherScales: printedAtOtherScales)
            .Read(crop, CancellationToken.None);
    }
}
