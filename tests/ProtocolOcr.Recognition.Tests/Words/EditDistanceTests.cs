using ProtocolOcr.Recognition.Words;

namespace ProtocolOcr.Recognition.Tests.Words;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("бір", "", 3)]
    [InlineData("", "бес", 3)]
    [InlineData("бір", "бір", 0)]
    [InlineData("бір", "бер", 1)]
    [InlineData("екімыңтөртжүзотыз", "кімыңтөртжүзотыз", 1)]
    [InlineData("отыз", "отызбір", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Counts_letters_inserted_deleted_or_replaced(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Within(a, b, int.MaxValue - 1));
        Assert.Equal(expected, EditDistance.Within(b, a, int.MaxValue - 1));
    }

    [Fact]
    public void Stops_above_the_bound_with_a_figure_above_it()
    {
        Assert.True(EditDistance.Within("жүзсексен", "тоқсан", 1) > 1);
        Assert.Equal(1, EditDistance.Within("сегіз", "сегз", 1));
    }
}
