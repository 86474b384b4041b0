using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Core.Tests.Forms;

public sealed class NumberWordsTests
{
    [Theory]
    [InlineData(0, "ноль")]
    [InlineData(21, "двадцать один")]
    [InlineData(1001, "одна тысяча один")]
    [InlineData(2345, "две тысячи триста сорок пять")]
    [InlineData(11000, "одиннадцать тысяч")]
    [InlineData(512, "пятьсот двенадцать")]
    public void Russian(long value, string expected) => Assert.Equal(expected, NumberWords.Write(value, "ru"));

    [Theory]
    [InlineData(0, "нөл")]
    [InlineData(100, "жүз")]
    [InlineData(1947, "бір мың тоғыз жүз қырық жеті")]
    [InlineData(2300, "екі мың үш жүз")]
    [InlineData(58, "елу сегіз")]
    public void Kazakh(long value, string expected) => Assert.Equal(expected, NumberWords.Write(value, "kk"));

    [Fact]
    public void Unknown_language_is_refused() => Assert.Throws<ArgumentException>(() => NumberWords.Write(5, "de"));
}
