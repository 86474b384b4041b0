using ProtocolOcr.Synthetic.Handwriting;

namespace ProtocolOcr.Synthetic.Tests;

public sealed class MnistSplitTests(SharedGenerator shared) : IClassFixture<SharedGenerator>
{
    [Theory]
    [InlineData(1001, 800)]
    [InlineData(1127, 901)]
    [InlineData(10, 8)]
    public void Train_is_the_first_80_percent_of_a_class_by_index(int classCount, int expectedTrain)
    {
        Assert.Equal(expectedTrain, MnistSplit.TrainCount(classCount));
        Assert.Equal(MnistPart.Train, MnistSplit.PartOf(expectedTrain - 1, classCount));
        Assert.Equal(MnistPart.Test, MnistSplit.PartOf(expectedTrain, classCount));
    }

    [Fact]
    public void Train_and_test_parts_are_disjoint_and_cover_every_digit_class()
    {
        for (var digit = 0; digit <= 9; digit++)
        {
            var count = shared.Mnist.ClassCount(digit);
            var (trainStart, trainEnd) = MnistSplit.RangeOf(MnistPart.Train, count);
            var (testStart, testEnd) = MnistSplit.RangeOf(MnistPart.Test, count);
            Assert.Equal(0, trainStart);
            Assert.Equal(trainEnd, testStart);
            Assert.Equal(count, testEnd);
            Assert.True(shared.Mnist.Count(digit, MnistPart.Test) > 150, $"digit {digit}: too few test samples");
            Assert.Equal(testStart, shared.Mnist.Get(digit, MnistPart.Test, 0).IndexInClass);
        }
    }

    [Fact]
    public void Samples_are_28x28_white_on_black()
    {
        var sample = shared.Mnist.Get(3, MnistPart.Test, 5);
        Assert.Equal(28 * 28, sample.Pixels.Length);
        Assert.Equal(0, sample.Pixels[0]);
        Assert.True(sample.Pixels.Max() > 0.9f);
    }
}
