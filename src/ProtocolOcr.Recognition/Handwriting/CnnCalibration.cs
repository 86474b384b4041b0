using System.Text.Json;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// What the CNN's top softmax is worth, measured on the validation slice by <c>tools/digits/train_cnn.py</c>
/// (<c>cnn.json</c>): <see cref="Bins"/> ascending by <see cref="CnnCalibrationBin.MinSoftmax"/>;
/// <see cref="AcceptThreshold"/> is the lowest softmax accepted without review.
/// </summary>
public sealed record CnnCalibration(IReadOnlyList<CnnCalibrationBin> Bins, double AcceptThreshold)
{
    public double Confidence(double softmax) =>
        Bins.Where(bin => bin.MinSoftmax <= softmax).MaxBy(bin => bin.MinSoftmax)?.Confidence ?? 0;

    public static CnnCalibration Load(string path)
    {
        using var stream = File.OpenRead(path);
        var calibration = JsonSerializer.Deserialize<CnnCalibration>(stream)
            ?? throw new InvalidDataException($"'{path}' holds no CNN calibration.");
        if (calibration.Bins is null || calibration.Bins.Count == 0 || calibration.AcceptThreshold is <= 0 or > 1)
        {
            throw new InvalidDataException($"'{path}' needs calibration bins and an accept threshold in (0, 1].");
        }

        return calibration;
    }
}
