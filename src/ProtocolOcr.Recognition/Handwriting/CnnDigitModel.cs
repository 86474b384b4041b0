using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// The two convolutional digit networks (<c>cnn.onnx</c>, trained by <c>tools/digits/train_cnn.py</c> on digits in
/// <see cref="NormalizedDigit"/>'s convention), run in one forward pass by OpenCV's DNN module: the network returns
/// both networks' logits side by side (1x20). Thread-safe: an OpenCV <see cref="Net"/> keeps its input and buffers
/// between calls, so one forward pass runs at a time.
/// </summary>
public sealed class CnnDigitModel : IDisposable
{
    public const int Classes = 10;
    private readonly Net net;
    private readonly Lock gate = new();

    private CnnDigitModel(Net net, CnnCalibration calibration)
    {
        this.net = net;
        Calibration = calibration;
    }

    public CnnCalibration Calibration { get; }

    public static CnnDigitModel Load(string directory)
    {
        var modelPath = Path.Combine(directory, DigitModelFiles.Cnn);
        var calibrationPath = Path.Combine(directory, DigitModelFiles.CnnCalibration);
        foreach (var path in new[] { modelPath, calibrationPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Digit model file '{path}' is missing.", path);
            }
        }

        var calibration = CnnCalibration.Load(calibrationPath);
        var net = CvDnn.ReadNetFromOnnx(modelPath)
            ?? throw new InvalidDataException($"'{modelPath}' did not load as an ONNX network.");
        if (net.Empty())
        {
            net.Dispose();
            throw new InvalidDataException($"'{modelPath}' loaded as an empty network.");
        }

        return new CnnDigitModel(net, calibration);
    }

    /// <summary>
    /// For each digit, each network's per-class probabilities (its temperature-scaled softmax, sum 1). The digits go
    /// through the networks in one forward pass: a field's few digits cost about a third less than one pass each.
    /// </summary>
    public double[][][] Probabilities(IReadOnlyList<NormalizedDigit> digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Count == 0)
        {
            return [];
        }

        const int pixelsPerDigit = NormalizedDigit.Side * NormalizedDigit.Side;
        var pixels = new float[digits.Count * pixelsPerDigit];
        for (var index = 0; index < digits.Count; index++)
        {
            digits[index].Pixels.CopyTo(pixels, index * pixelsPerDigit);
        }

        using var blob = Mat.FromPixelData([digits.Count, 1, NormalizedDigit.Side, NormalizedDigit.Side], MatType.CV_32FC1, pixels);
        float[] logits;
        lock (gate)
        {
            net.SetInput(blob);
            using var output = net.Forward();
            using var row = output.Reshape(1, 1);
            row.GetArray(out logits);
        }

        const int outputsPerDigit = Classes * CnnCalibration.Networks;
        if (logits.Length != digits.Count * outputsPerDigit)
        {
            throw new InvalidDataException($"The digit CNN gave {logits.Length} outputs for {digits.Count} digits, expected {outputsPerDigit} each.");
        }

        return Enumerable.Range(0, digits.Count)
            .Select(digit => Enumerable.Range(0, CnnCalibration.Networks)
                .Select(network => Softmax(logits.AsSpan((digit * outputsPerDigit) + (network * Classes), Classes), Calibration.Temperatures[network]))
                .ToArray())
            .ToArray();
    }

    public void Dispose() => net.Dispose();

    private static double[] Softmax(ReadOnlySpan<float> logits, double temperature)
    {
        var max = double.MinValue;
        foreach (var value in logits)
        {
            max = Math.Max(max, value);
        }

        var exps = new double[logits.Length];
        var sum = 0.0;
        for (var index = 0; index < logits.Length; index++)
        {
            exps[index] = Math.Exp((logits[index] - max) / temperature);
            sum += exps[index];
        }

        for (var index = 0; index < exps.Length; index++)
        {
            exps[index] /= sum;
        }

        return exps;
    }
}
