using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Pipeline.Arithmetic;

namespace ProtocolOcr.Pipeline.Tests;

public sealed class FieldBeliefTests
{
    [Fact]
    public void An_unsure_readings_doubt_goes_half_to_its_listed_alternatives_in_proportion_to_their_scores()
    {
        var belief = FieldBelief.From(Reading(126, 0.7, (186, 0.006), (120, 0.002)), unlistedFloor: 0.01, listedShareOfDoubt: 0.5);

        Assert.Equal(0.7, Probability(belief, 126), 6);
        Assert.Equal(0.15 * 0.75, Probability(belief, 186), 6);
        Assert.Equal(0.15 * 0.25, Probability(belief, 120), 6);
        Assert.Equal(0.15, belief.Unlisted, 6);
    }

    [Fact]
    public void Alternatives_claiming_more_than_the_doubt_are_scaled_down_to_leave_the_floor_unlisted()
    {
        var belief = FieldBelief.From(Reading(40, 0.6, (140, 0.5), (48, 0.3)), unlistedFloor: 0.01, listedShareOfDoubt: 0.5);

        Assert.Equal(0.6, Probability(belief, 40), 6);
        Assert.Equal(0.01, belief.Unlisted, 6);
        Assert.Equal(0.39 * 5 / 8, Probability(belief, 140), 6);
    }

    [Fact]
    public void A_reading_without_alternatives_leaves_all_its_doubt_unlisted()
    {
        var belief = FieldBelief.From(Reading(7, 0.9), unlistedFloor: 0.01, listedShareOfDoubt: 0.5);

        Assert.Equal(0.1, belief.Unlisted, 6);
        Assert.Equal(0.9, belief.ProbabilityOfValueRead, 6);
    }

    private static double Probability(FieldBelief belief, long value) => belief.Candidates.Single(candidate => candidate.Value == value).Confidence;

    private static FieldReading Reading(long value, double confidence, params (long Value, double Score)[] alternatives) => new(
        "V5", value, value.ToString(), confidence, FieldStatus.NeedsReview, null,
        alternatives.Select(alternative => new ValueAlternative(alternative.Value, alternative.Score)).ToList(), "digits", new BoxRect(0, 0, 1, 1));
}
