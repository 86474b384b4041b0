using System.Diagnostics;
using ProtocolOcr.Recognition.Handwriting;

namespace ProtocolOcr.Cli.Training;

/// <summary>Scores the digit engine on labelled digits (classification timed).</summary>
public static class DigitEvaluation
{
    public static SourceScore Score(DigitClassifier classifier, string source, IReadOnlyList<LabelledDigit> digits)
    {
        var stopwatch = Stopwatch.StartNew();
        var results = digits.Select(sample => (Result: classifier.Classify(sample.Digit), sample.Label)).ToList();
        stopwatch.Stop();
        var correct = results.Count(result => result.Result.Digit == result.Label);
        var accepted = results.Where(result => result.Result.Accepted).ToList();
        var acceptedCorrect = accepted.Count(result => result.Result.Digit == result.Label);
        return new SourceScore(
            source,
            digits.Count,
            Ratio(correct, digits.Count),
            Ratio(accepted.Count, digits.Count),
            Ratio(acceptedCorrect, accepted.Count),
            digits.Count == 0 ? 0 : stopwatch.Elapsed.TotalMilliseconds / digits.Count);
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
