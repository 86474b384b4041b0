using OpenCvSharp;
using OpenCvSharp.ML;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// The handwritten-digit engine: an RBF SVM and an MLP on HOG features of a <see cref="NormalizedDigit"/>, with a
/// confidence calibrated on held-out validation digits. Thread-safe: OpenCV's <c>predict</c> is const on both models
/// and no state changes after loading, so one instance serves every thread.
/// </summary>
public sealed class DigitClassifier : IDisposable
{
    private readonly SVM svm;
    private readonly ANN_MLP mlp;

    public DigitClassifier(SVM svm, ANN_MLP mlp, DigitCalibration calibration)
    {
        this.svm = svm;
        this.mlp = mlp;
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
        var svm = SVM.Load(svmPath);
        var mlp = ANN_MLP.Load(mlpPath);
        if (!svm.IsTrained() || !mlp.IsTrained())
        {
            svm.Dispose();
            mlp.Dispose();
            throw new InvalidDataException($"The digit models in '{directory}' did not load as trained models.");
        }

        return new DigitClassifier(svm, mlp, calibration);
    }

    public DigitClassification Classify(NormalizedDigit digit)
    {
        var features = DigitFeatures.Compute(digit);
        using var row = Mat.FromPixelData(1, DigitFeatures.Length, MatType.CV_32FC1, features);
        var svmDigit = (int)Math.Round(svm.Predict(row));
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
