using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Recognition.Arbitration;

namespace ProtocolOcr.Recognition.Tests.Arbitration;

public sealed class EngineArbiterTests
{
    private static readonly FieldDefinition Field = new("L1", FieldKind.Count, new BoxRect(0, 0, 300, 60), LocalizedText.Empty);

    [Fact]
    public void Agreeing_engines_give_the_value_with_more_confidence_than_either()
    {
        var reading = Arbitrate(new ScriptedReader("tess", 1378, 0.80), new ScriptedReader("digits", 1378, 0.90));

        Assert.Equal(1378, reading.Value);
        Assert.True(reading.Confidence > 0.90);
        Assert.Null(reading.ReviewReason);
        Assert.Equal("tess+digits", reading.Engine);
    }

    [Fact]
    public void A_sure_digit_engine_wins_over_an_unsure_printed_engine()
    {
        var reading = Arbitrate(new ScriptedReader("tess", 4178, 0.30), new ScriptedReader("digits", 1378, 0.999));

        Assert.Equal(1378, reading.Value);
        Assert.Null(reading.ReviewReason);
        Assert.Contains(reading.Alternatives, a => a.Value == 4178);
    }

    [Fact]
    public void A_sure_printed_engine_wins_over_an_unsure_digit_engine()
    {
        var reading = Arbitrate(new ScriptedReader("tess", 512, 0.97), new ScriptedReader("digits", 812, 0.40));

        Assert.Equal(512, reading.Value);
        Assert.Null(reading.ReviewReason);
    }

    [Fact]
    public void Two_sure_engines_that_disagree_go_to_review_with_both_values()
    {
        var reading = Arbitrate(new ScriptedReader("tess", 512, 0.97), new ScriptedReader("digits", 812, 0.9999));

        Assert.Equal(EngineArbiter.EnginesDisagree, reading.ReviewReason);
        Assert.Equal(FieldStatus.NeedsReview, reading.Status);
        Assert.Contains(reading.Alternatives, a => a.Value == 512);
        Assert.Contains(reading.Alternatives, a => a.Value == 812);
    }

    [Fact]
    public void A_digit_engine_sure_per_digit_is_not_sure_of_a_long_number_at_the_same_confidence()
    {
        // Sure means 0.9976 per digit: 0.998 is sure for one digit, 0.985 is not for four (0.9976^4 = 0.9904).
        var shortNumber = Arbitrate(new ScriptedReader("tess", 9, 0.2), new ScriptedReader("digits", 7, 0.998));
        var longNumber = Arbitrate(new ScriptedReader("tess", 9999, 0.2), new ScriptedReader("digits", 7777, 0.985));

        Assert.Null(shortNumber.ReviewReason);
        Assert.Equal(EngineArbiter.EnginesDisagree, longNumber.ReviewReason);
    }

    [Fact]
    public void Ink_one_engine_cannot_see_goes_to_review()
    {
        var reading = Arbitrate(new ScriptedReader("tess", null, 0, FieldStatus.Empty), new ScriptedReader("digits", 41, 0.5));

        Assert.Equal(EngineArbiter.EnginesDisagree, reading.ReviewReason);
    }

    [Fact]
    public void Both_engines_seeing_an_empty_box_give_an_empty_reading()
    {
        var reading = Arbitrate(
            new ScriptedReader("tess", null, 0, FieldStatus.Empty), new ScriptedReader("digits", null, 0, FieldStatus.Empty));

        Assert.Equal(FieldStatus.Empty, reading.Status);
        Assert.Null(reading.Value);
    }

    private static FieldReading Arbitrate(ScriptedReader printed, ScriptedReader handwritten)
    {
        using var crop = new FieldCrop(Field, Field.Box, new Mat(60, 300, MatType.CV_8UC3, Scalar.White));
        return new EngineArbiter(printed, handwritten, ArbiterSettings.Default).Read(crop, CancellationToken.None);
    }
}
