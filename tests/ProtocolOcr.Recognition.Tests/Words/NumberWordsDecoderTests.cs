using ProtocolOcr.Recognition.Words;

namespace ProtocolOcr.Recognition.Tests.Words;

public sealed class NumberWordsDecoderTests
{
    private static readonly string[] KazakhAndRussian = ["kk", "ru"];

    [Theory]
    [InlineData("екі мың төрт жүз отыз", 2430)]
    [InlineData("Две тысячи триста сорок пять.", 2345)]
    [InlineData("ОН ТОҒЫЗ", 19)]
    [InlineData("нөл", 0)]
    public void Names_the_value_spelled(string text, long expected) =>
        Assert.Equal(expected, NumberWordsDecoder.Decode(text, KazakhAndRussian, []).Named);

    [Theory]
    [InlineData("екі мың төрт жүз отыз", "kk")]
    [InlineData("Две тысячи триста сорок пять.", "ru")]
    public void Tells_the_language_of_the_spelling_named(string text, string language) =>
        Assert.Equal(language, NumberWordsDecoder.Decode(text, KazakhAndRussian, []).Language);

    [Theory]
    [InlineData("екі мың тврт жүз отыз |", 2430)] // the box's border read as "|"
    [InlineData("екі мың төрт жуз отыз", 2430)]
    [InlineData("дветысечмчетырестадвадцатьвосемь", 2428)]
    public void Names_the_value_through_a_few_misread_letters(string text, long expected) =>
        Assert.Equal(expected, NumberWordsDecoder.Decode(text, KazakhAndRussian, []).Named);

    [Theory]
    [InlineData("бер")] // one letter from "бес" (5) and from "бір" (1)
    [InlineData("/шжүзжиырмаекі")] // DEV: "үш жүз жиырма екі" (322) with its first letter lost, one letter from 122 too
    public void Names_nothing_when_two_values_are_as_near(string text)
    {
        var decoding = NumberWordsDecoder.Decode(text, KazakhAndRussian, []);

        Assert.Equal(decoding.Distance, decoding.RunnerUpDistance);
        Assert.Null(decoding.Named);
    }

    [Fact]
    public void Names_nothing_when_another_value_is_only_one_letter_further()
    {
        // DEV: "екі мың..." (2430) with its first letter cut by the box: "бір мың..." (1430) is two letters away.
        var decoding = NumberWordsDecoder.Decode("кі мың төрт жүз отыз", KazakhAndRussian, []);

        Assert.Equal(2430, decoding.Value);
        Assert.Null(decoding.Named);
    }

    [Fact]
    public void Names_nothing_when_the_text_is_far_from_every_spelling()
    {
        var decoding = NumberWordsDecoder.Decode("тс244қ+", KazakhAndRussian, []);

        Assert.Null(decoding.Named);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" |.")]
    public void Names_nothing_in_an_empty_box(string text)
    {
        var decoding = NumberWordsDecoder.Decode(text, KazakhAndRussian, []);

        Assert.Null(decoding.Value);
        Assert.Null(decoding.Named);
    }

    [Fact]
    public void Reads_only_the_languages_it_has_words_for() =>
        Assert.Null(NumberWordsDecoder.Decode("two thousand", ["en"], []).Value);

    [Fact]
    public void Finds_a_value_above_the_range_tried_only_among_the_candidates()
    {
        const string text = "двенадцать тысяч триста сорок пять";

        Assert.NotEqual(12_345, NumberWordsDecoder.Decode(text, KazakhAndRussian, []).Value);
        Assert.Equal(12_345, NumberWordsDecoder.Decode(text, KazakhAndRussian, [12_345, 12_346]).Named);
    }

    [Fact]
    public void Tells_one_digit_neighbours_apart_by_their_words()
    {
        // 614 and 604 differ by "он" (ten): two letters, the least lead that names a value.
        var decoding = NumberWordsDecoder.Decode("алты жүз он төрт", KazakhAndRussian, []);

        Assert.Equal(614, decoding.Named);
        Assert.Equal(0, decoding.Distance);
        Assert.Equal(2, decoding.RunnerUpDistance);
    }
}
