using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProtocolOcr.Recognition.Arbitration;

/// <summary>
/// How often a field value chosen by <see cref="EngineArbiter"/> was right on DEV, per case and bin of a raw score
/// (field-calibration.json, embedded; regenerated with tools/fieldread, see its README):
/// <see cref="Agreed"/> when both engines read the same value, by the digit engine's confidence (1 when Tesseract is sure);
/// <see cref="PrintedRight"/> the chance Tesseract's sure reading (printed-looking field) is right when the digit engine
/// read another value, by the digit engine's confidence;
/// <see cref="HandwrittenRight"/> the digit engine's value when Tesseract is not sure (handwriting), by its confidence;
/// <see cref="PrintedSupported"/> Tesseract's fairly sure value that the digit engine has as a strong alternative;
/// <see cref="PrintedConfirmed"/> Tesseract's sure value that the digit engine has as an alternative;
/// <see cref="PrintedRecounted"/> like <see cref="PrintedRight"/> when the digit engine read another digit count
/// (<see cref="PrintedRight"/> then covers only the same digit count).
/// </summary>
public sealed record FieldCalibration(
    [property: JsonPropertyName("agreed")] IReadOnlyList<CalibrationStep> Agreed,
    [property: JsonPropertyName("printed_right")] IReadOnlyList<CalibrationStep> PrintedRight,
    [property: JsonPropertyName("handwritten_right")] IReadOnlyList<CalibrationStep> HandwrittenRight,
    [property: JsonPropertyName("printed_supported")] IReadOnlyList<CalibrationStep> PrintedSupported,
    [property: JsonPropertyName("printed_confirmed")] IReadOnlyList<CalibrationStep> PrintedConfirmed,
    [property: JsonPropertyName("printed_recounted")] IReadOnlyList<CalibrationStep> PrintedRecounted)
{
    public const string ResourceName = "ProtocolOcr.Recognition.Arbitration.field-calibration.json";

    public static FieldCalibration Embedded { get; } = LoadEmbedded();

    public static double Lookup(IReadOnlyList<CalibrationStep> steps, double score) =>
        steps.FirstOrDefault(step => score < step.Below, steps[^1]).Accuracy;

    private static FieldCalibration LoadEmbedded()
    {
        using var stream = typeof(FieldCalibration).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the build.");
        var calibration = JsonSerializer.Deserialize<FieldCalibration>(stream)
            ?? throw new InvalidDataException($"'{ResourceName}' holds no calibration.");
        if (calibration.Agreed.Count == 0 || calibration.PrintedRight.Count == 0 || calibration.HandwrittenRight.Count == 0
            || calibration.PrintedSupported.Count == 0 || calibration.PrintedConfirmed.Count == 0
            || calibration.PrintedRecounted.Count == 0)
        {
            throw new InvalidDataException($"'{ResourceName}' has an empty calibration curve.");
        }

        return calibration;
    }
}
