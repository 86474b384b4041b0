using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// The convolutional digit model (<c>cnn.onnx</c>, trained by <c>tools/digits/train_cnn.py</c> on digits in
/// <see cref="NormalizedDigit"/>'s convention) run by OpenCV's DNN module. Thread-safe: an OpenCV <see cref="Net"/>
/// keeps its input and buffers between calls, so one forward pass runs at a time (~0.1-0.5 ms each).
/// </summary>
public sealed class CnnDigitModel : IDisposable
{
    private const int Classes = 10;
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

    /// <summary>Per-class probabilities (softmax of the network's logits, sum 1).</summary>
    public double[] Probabilities(NormalizedDigit digit)
    {
        ArgumentNullException.ThrowIfNull(digit);
        using var blob = Mat.FromPixelData([1, 1, NormalizedDigit.Side, NormalizedDigit.Side], MatType.CV_32FC1, digit.Pixels);
        float[] logits;
        lock (gate)
        {
            net.SetInput(blob);
            using var output = net.Forward();
            using var row = output.Reshape(1, 1);
            row.GetArray(out logits);
        }

        if (logits.Length != Classes)
        {
            throw new InvalidDataException($"The digit CNN gave {logits.Length} outputs, expected {Classes}.");
        }

        var max = logits.Max();
        var exps = logits.Select(value => Math.Exp(value - max)).ToArray();
        var sum = exps.Sum();
        return exps.Select(value => value / sum).ToArray();
    }

    public void Dispose() => net.Dispose();
}
