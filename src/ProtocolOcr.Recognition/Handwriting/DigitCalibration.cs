using System.Text.Json;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// Maps what the ensemble says about a digit (do the models agree, the MLP's margin) to the accuracy measured
/// on validation digits held out of training. <see cref="Bins"/> are ordered by <see cref="CalibrationBin.MinMargin"/>
/// ascending within each agreement value; <see cref="AcceptThreshold"/> is the lowest confidence accepted without review.
/// </summary>
public sealed record DigitCalibration(IReadOnlyList<CalibrationBin> Bins, double AcceptThreshold)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public double Confidence(bool modelsAgree, double margin)
    {
        var bin = Bins.Where(candidate => candidate.ModelsAgree == modelsAgree && candidate.MinMargin <= margin)
            .MaxBy(candidate => candidate.MinMargin);
        return bin?.Confidence ?? 0;
    }

    public static DigitCalibration Load(string path)
    {
        using var stream = File.OpenRead(path);
        var calibration = JsonSerializer.Deserialize<DigitCalibration>(stream, JsonOptions)
            ?? throw new InvalidDataException($"'{path}' holds no digit calibration.");
        if (calibration.Bins.Count == 0)
        {
            throw new InvalidDataException($"'{path}' has no calibration bins.");
        }

        return calibration;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));
}
