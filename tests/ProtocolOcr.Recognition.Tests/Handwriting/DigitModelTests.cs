using ProtocolOcr.Recognition.Handwriting;
using ProtocolOcr.Synthetic.Handwriting;
using Xunit.Abstractions;

namespace ProtocolOcr.Recognition.Tests.Handwriting;

/// <summary>
/// The committed model (tessdata/digits) reproduces what tessdata/digits/README.md states, on a fixed held-out sample:
/// the first 100 digits of each class in the MNIST Test part (never trained or tuned on), and the unseen Humor Sans font.
/// </summary>
public sealed class DigitModelTests : IClassFixture<DigitEngine>
{
    private const int PerClass = 100;
    private readonly DigitEngine engine;
    private readonly ITestOutputHelper output;

    public DigitModelTests(DigitEngine engine, ITestOutputHelper output)
    {
        this.engine = engine;
        this.output = output;
    }

    [Fact]
    public void Committed_model_reproduces_its_stated_accuracy_on_the_mnist_test_sample()
    {
        var results = new List<(int Label, DigitClassification Result)>();
        for (var digit = 0; digit < 10; digit++)
        {
            for (var ordinal = 0; ordinal < PerClass; ordinal++)
            {
                using var paper = DigitImages.MnistOnPaper(engine.Mnist.Get(digit, MnistPart.Test, ordinal), 28);
                results.Add((digit, engine.Classifier.Classify(DigitNormalizer.FromPaper(paper)!)));
            }
        }

        var topOne = results.Count(result => result.Result.Digit == result.Label) / (double)results.Count;
        var accepted = results.Where(result => result.Result.Accepted).ToList();
        var acceptRate = accepted.Count / (double)results.Count;
        output.WriteLine($"top-1 {topOne:P2}, accepted {acceptRate:P1}");
        Assert.InRange(topOne, StatedFigures.SampleTopOne - 0.002, 1);
        Assert.InRange(acceptRate, StatedFigures.SampleAcceptRate - 0.01, 1);

        var acceptedAccuracy = accepted.Count(result => result.Result.Digit == result.Label) / (double)accepted.Count;
        output.WriteLine($"accepted digits right: {acceptedAccuracy:P2}");
        Assert.InRange(acceptedAccuracy, StatedFigures.SampleAcceptedAccuracy - 0.002, 1);

        // Calibrated: a digit's confidence is the probability it is right, so on average it matches the accuracy.
        var meanConfidence = results.Average(result => result.Result.Confidence);
        output.WriteLine($"mean confidence {meanConfidence:P2}");
        Assert.InRange(meanConfidence, topOne - 0.01, topOne + 0.01);
    }

    [Fact]
    public void Digits_of_a_writer_never_seen_in_training_are_read()
    {
        var correct = 0;
        for (var digit = 0; digit < 10; digit++)
        {
            using var master = engine.Rasterizer.Character(engine.UnseenFont, (char)('0' + digit));
            using var paper = DigitImages.InkOnPaper(master, 40);
            correct += engine.Classifier.Classify(DigitNormalizer.FromPaper(paper)!).Digit == digit ? 1 : 0;
        }

        Assert.InRange(correct, 10, 10);
    }

    [Fact]
    public void Runner_up_differs_from_the_answer_and_scores_are_probabilities()
    {
        using var paper = DigitImages.MnistOnPaper(engine.Mnist.Get(8, MnistPart.Test, 0), 40);

        var result = engine.Classifier.Classify(DigitNormalizer.FromPaper(paper)!);

        Assert.NotEqual(result.Digit, result.RunnerUp);
        Assert.Equal(10, result.Scores.Count);
        Assert.InRange(result.Scores.Sum(), 0.999, 1.001);
        Assert.InRange(result.Confidence, 0, 1);
    }

    [Fact]
    public void One_classifier_shared_by_threads_answers_as_it_does_alone()
    {
        var digits = Enumerable.Range(0, 200)
            .Select(index =>
            {
                using var paper = DigitImages.MnistOnPaper(engine.Mnist.Get(index % 10, MnistPart.Test, index / 10), 36);
                return DigitNormalizer.FromPaper(paper)!;
            })
            .ToList();
        var alone = digits.Select(digit => engine.Classifier.Classify(digit)).ToList();

        var shared = new DigitClassification[digits.Count];
        Parallel.For(0, digits.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, index => shared[index] = engine.Classifier.Classify(digits[index]));

        Assert.Equal(alone.Select(result => (result.Digit, result.Confidence)), shared.Select(result => (result.Digit, result.Confidence)));
    }

    [Fact]
    public void Digits_classified_in_one_pass_get_the_answers_they_get_one_by_one()
    {
        var digits = Enumerable.Range(0, 37)
            .Select(index =>
            {
                using var paper = DigitImages.MnistOnPaper(engine.Mnist.Get(index % 10, MnistPart.Test, 100 + index), 34);
                return DigitNormalizer.FromPaper(paper)!;
            })
            .ToList();

        var together = engine.Classifier.ClassifyAll(digits);
        var alone = digits.Select(engine.Classifier.Classify).ToList();

        Assert.Equal(digits.Count, together.Count);
        Assert.Equal(alone.Select(result => (result.Digit, result.RunnerUp, result.Accepted)), together.Select(result => (result.Digit, result.RunnerUp, result.Accepted)));
        Assert.All(alone.Zip(together), pair => Assert.Equal(pair.First.Scores, pair.Second.Scores, (a, b) => Math.Abs(a - b) < 1e-5));
        Assert.Empty(engine.Classifier.ClassifyAll([]));
    }

    [Fact]
    public void A_digit_is_accepted_only_when_both_networks_name_it_and_are_sure()
    {
        var threshold = engine.Classifier.Calibration.AcceptThreshold;
        var results = Enumerable.Range(0, 300)
            .Select(index =>
            {
                using var paper = DigitImages.MnistOnPaper(engine.Mnist.Get(index % 10, MnistPart.Test, index / 10), 32);
                return engine.Classifier.Classify(DigitNormalizer.FromPaper(paper)!);
            })
            .ToList();

        Assert.Contains(results, result => result.Accepted);
        Assert.Contains(results, result => !result.Accepted);
        Assert.All(results, result => Assert.Equal(result.ModelsAgree && result.Scores[result.Digit] >= threshold, result.Accepted));
        Assert.All(results, result => Assert.Equal(result.Scores.Max(), result.Scores[result.Digit]));
    }

    [Theory]
    [InlineData(DigitModelFiles.Cnn)]
    [InlineData(DigitModelFiles.CnnCalibration)]
    public void A_model_directory_missing_a_file_is_a_clear_error(string missing)
    {
        var directory = Path.Combine(Path.GetTempPath(), "digit-model-without-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            foreach (var file in new[] { DigitModelFiles.Cnn, DigitModelFiles.CnnCalibration }.Where(file => file != missing))
            {
                File.Copy(Path.Combine(DigitModelFiles.Locate(), file), Path.Combine(directory, file));
            }

            var error = Assert.Throws<FileNotFoundException>(() => DigitClassifier.Load(directory));
            Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_calibration_without_one_temperature_per_network_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "digit-calibration-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{"AcceptThreshold":0.98,"Temperatures":[0.5],"Bins":[{"ModelsAgree":true,"MinProbability":0,"Count":1,"Correct":1,"Confidence":0.9}]}""");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => CnnCalibration.Load(path));
            Assert.Contains("temperatures", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
