using System.Text.Json;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// What the CNN pair's answers are worth, measured on the validation slice by <c>tools/digits/train_cnn.py</c>
/// (<c>cnn.json</c>): <see cref="Temperatures"/> scale each network's logits so its softmax is calibrated;
/// <see cref="Bins"/> hold the accuracy per (networks agree, combined top probability);
/// <see cref="AcceptThreshold"/> is the lowest combined probability accepted without review when they agree.
/// </summary>
public sealed record CnnCalibration(IReadOnlyList<CnnCalibrationBin> Bins, double AcceptThreshold, IReadOnlyList<double> Temperatures)
{
    public const int Networks = 2;

    /// <summary>The accuracy of validation digits alike: same agreement, the nearest bin at or below the probability.</summary>
    public double Confidence(bool modelsAgree, double probability) =>
        Bins.Where(bin => bin.ModelsAgree == modelsAgree && bin.MinProbability <= probability)
            .MaxBy(bin => bin.MinProbability)?.Confidence ?? 0;

    public static CnnCalibration Load(string path)
    {
        using var stream = File.OpenRead(path);
        var calibration = JsonSerializer.Deserialize<CnnCalibration>(stream)
            ?? throw new InvalidDataException($"'{path}' holds no CNN calibration.");
        if (calibration.Bins is null || calibration.Bins.Count == 0 || calibration.AcceptThreshold is <= 0 or > 1)
        {
            throw new InvalidDataException($"'{path}' needs calibration bins and an accept threshold in (0, 1].");
        }

        if (calibration.Temperatures is null || calibration.Temperatures.Count != Networks || calibration.Temperatures.Any(value => value <= 0))
        {
            throw new InvalidDataException($"'{path}' needs {Networks} positive softmax temperatures, one per network.");
        }

        return calibration;
    }
}
