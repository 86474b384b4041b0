using OpenCvSharp;
using OpenCvSharp.ML;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// The handwritten-digit engine: an RBF SVM and an MLP on HOG features of a <see cref="NormalizedDigit"/>, with a
/// confidence calibrated on held-out validation digits, and (when loaded from a model directory) a CNN that leads:
/// the CNN names the digit and its runner-up, and a digit is accepted only when the SVM names the same digit and the
/// CNN's softmax reaches its accept threshold. Thread-safe: OpenCV's <c>predict</c> is const on the SVM and MLP, the
/// CNN serializes its forward passes, and no state changes after loading, so one instance serves every thread.
/// </summary>
public sealed class DigitClassifier : IDisposable
{
    private readonly SVM svm;
    private readonly ANN_MLP mlp;
    private readonly CnnDigitModel? cnn;

    /// <summary>Most a digit is trusted when the CNN and the SVM name different digits: never sure, left to review.</summary>
    public const double DisagreementConfidenceCap = 0.5;

    /// <param name="cnn">The CNN that leads when given; without it the SVM and MLP alone answer (as while training them).</param>
    public DigitClassifier(SVM svm, ANN_MLP mlp, DigitCalibration calibration, CnnDigitModel? cnn = null)
    {
        this.svm = svm;
        this.mlp = mlp;
        this.cnn = cnn;
        Calibration = calibration;
    }

    public DigitCalibration Calibration { get; }

    /// <summary>Loads the model files from <paramref name="directory"/> (default: <see cref="DigitModelFiles.Locate"/>).</summary>
    public static DigitClassifier Load(string? directory = null)
    {
        directory ??= DigitModelFiles.Locate();
        var svmPath = Path.Combine(directory, DigitModelFiles.Svm);
        var mlpPath = Path.Combine(directory, DigitModelFiles.Mlp);
        foreach (var path in new[] { svmPath, mlpPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Digit model file '{path}' is missing.", path);
            }
        }

        var calibration = DigitCalibration.Load(Path.Combine(directory, DigitModelFiles.Calibration));
        var cnn = CnnDigitModel.Load(directory);
        try
        {
            var svm = SVM.Load(svmPath);
            var mlp = ANN_MLP.Load(mlpPath);
            if (!svm.IsTrained() || !mlp.IsTrained())
            {
                svm.Dispose();
                mlp.Dispose();
                throw new InvalidDataException($"The digit models in '{directory}' did not load as trained models.");
            }

            return new DigitClassifier(svm, mlp, calibration, cnn);
        }
        catch
        {
            cnn.Dispose();
            throw;
        }
    }

    public DigitClassification Classify(NormalizedDigit digit)
    {
        var features = DigitFeatures.Compute(digit);
        using var row = Mat.FromPixelData(1, DigitFeatures.Length, MatType.CV_32FC1, features);
        var svmDigit = (int)Math.Round(svm.Predict(row));
        return cnn is null ? ClassifyWithMlp(row, svmDigit) : ClassifyWithCnn(cnn, digit, row, svmDigit);
    }

    /// <summary>
    /// The CNN answers unless the SVM and the MLP both name another digit: they were trained on font digits and
    /// European 1s and 7s, which the CNN (MNIST only) never saw.
    /// </summary>
    private DigitClassification ClassifyWithCnn(CnnDigitModel cnn, NormalizedDigit digit, Mat row, int svmDigit)
    {
        var scores = cnn.Probabilities(digit);
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(index => scores[index]).ToArray();
        var top = scores[order[0]];
        var margin = top - scores[order[1]];
        var calibrated = cnn.Calibration.Confidence(top);
        if (svmDigit == order[0])
        {
            return new DigitClassification(order[0], order[1], scores, true, margin, calibrated, top >= cnn.Calibration.AcceptThreshold);
        }

        var confidence = Math.Min(calibrated, DisagreementConfidenceCap);
        return MlpDigit(row) == svmDigit
            ? new DigitClassification(svmDigit, order[0], scores, false, margin, confidence, false)
            : new DigitClassification(order[0], order[1], scores, false, margin, confidence, false);
    }

    private int MlpDigit(Mat row)
    {
        using var outputs = new Mat();
        mlp.Predict(row, outputs);
        outputs.GetArray(out float[] raw);
        return Array.IndexOf(raw, raw.Max());
    }

    private DigitClassification ClassifyWithMlp(Mat row, int svmDigit)
    {
        using var outputs = new Mat();
        mlp.Predict(row, outputs);
        outputs.GetArray(out float[] raw);
        var scores = Softmax(raw);
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(index => scores[index]).ToArray();
        var mlpDigit = order[0];
        var agree = svmDigit == mlpDigit;
        var runnerUp = agree ? order[1] : mlpDigit;
        var margin = raw[order[0]] - raw[order[1]];
        var confidence = Calibration.Confidence(agree, margin);
        return new DigitClassification(svmDigit, runnerUp, scores, agree, margin, confidence, confidence >= Calibration.AcceptThreshold);
    }

    /// <summary>Writes the model files into <paramref name="directory"/> (OpenCV's YAML, gzipped by the .gz name).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        svm.Save(Path.Combine(directory, DigitModelFiles.Svm));
        mlp.Save(Path.Combine(directory, DigitModelFiles.Mlp));
        Calibration.Save(Path.Combine(directory, DigitModelFiles.Calibration));
    }

    public void Dispose()
    {
        svm.Dispose();
        mlp.Dispose();
        cnn?.Dispose();
    }

    /// <summary>Turns the MLP's outputs (trained towards +1 for the class, -1 otherwise) into probabilities.</summary>
    private static double[] Softmax(float[] raw)
    {
        const double sharpness = 5;
        var max = raw.Max();
        var exps = raw.Select(value => Math.Exp(sharpness * (value - max))).ToArray();
        var sum = exps.Sum();
        return exps.Select(value => value / sum).ToArray();
    }
}
