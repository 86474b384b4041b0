namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// The handwritten-digit engine: two convolutional networks of different shapes (<see cref="CnnDigitModel"/>), each
/// a witness for the other. The answer is the digit with the highest mean of their calibrated probabilities; a digit
/// is accepted without review only when both networks name it and that mean reaches the accept threshold chosen on
/// validation digits. Thread-safe: the model serializes its forward passes and nothing changes after loading.
/// </summary>
public sealed class DigitClassifier : IDisposable
{
    private readonly CnnDigitModel cnn;

    public DigitClassifier(CnnDigitModel cnn) => this.cnn = cnn;

    public CnnCalibration Calibration => cnn.Calibration;

    /// <summary>Loads the model files from <paramref name="directory"/> (default: <see cref="DigitModelFiles.Locate"/>).</summary>
    public static DigitClassifier Load(string? directory = null) =>
        new(CnnDigitModel.Load(directory ?? DigitModelFiles.Locate()));

    public DigitClassification Classify(NormalizedDigit digit) => ClassifyAll([digit])[0];

    /// <summary>Classifies the digits in one pass of the networks; the answers are in the digits' order.</summary>
    public IReadOnlyList<DigitClassification> ClassifyAll(IReadOnlyList<NormalizedDigit> digits) =>
        cnn.Probabilities(digits).Select(Classify).ToList();

    private DigitClassification Classify(double[][] networks)
    {
        var scores = new double[CnnDigitModel.Classes];
        foreach (var probabilities in networks)
        {
            for (var index = 0; index < scores.Length; index++)
            {
                scores[index] += probabilities[index] / networks.Length;
            }
        }

        var order = Enumerable.Range(0, scores.Length).OrderByDescending(index => scores[index]).ToArray();
        var top = scores[order[0]];
        var agree = networks.All(probabilities => ArgMax(probabilities) == order[0]);
        var confidence = Calibration.Confidence(agree, top);
        return new DigitClassification(order[0], order[1], scores, agree, top - scores[order[1]], confidence, agree && top >= Calibration.AcceptThreshold);
    }

    public void Dispose() => cnn.Dispose();

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var index = 1; index < values.Length; index++)
        {
            if (values[index] > values[best])
            {
                best = index;
            }
        }

        return best;
    }
}
