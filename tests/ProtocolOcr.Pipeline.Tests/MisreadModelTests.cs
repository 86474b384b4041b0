using ProtocolOcr.Pipeline.Arithmetic;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>How likely a true value is as a misread of the value read.</summary>
public sealed class MisreadModelTests
{
    private static readonly MisreadModel Model = MisreadModel.Default;

    [Fact]
    public void One_wrong_digit_is_likelier_than_a_lost_digit_and_both_far_likelier_than_a_garbled_value()
    {
        var oneDigitWrong = Model.Likelihood(read: 295, truth: 285);
        var digitLost = Model.Likelihood(read: 85, truth: 285);
        var garbled = Model.Likelihood(read: 295, truth: 321);

        Assert.True(oneDigitWrong > digitLost, $"{oneDigitWrong} vs {digitLost}");
        Assert.True(digitLost > 10 * garbled, $"{digitLost} vs {garbled}");
    }

    [Fact]
    public void A_digit_read_twice_is_a_plausible_misread()
    {
        Assert.True(Model.Likelihood(read: 2850, truth: 285) > 100 * Model.Likelihood(read: 2850, truth: 2565));
    }

    [Theory]
    [InlineData(295, 295)]
    [InlineData(295, -5)]
    public void The_value_read_itself_or_a_negative_count_is_no_misread(long read, long truth)
    {
        Assert.Equal(0, Model.Likelihood(read, truth));
    }
}
