using System.Text.Json.Serialization;

namespace ProtocolOcr.Recognition.Arbitration;

/// <summary>One bin of a calibration curve: raw scores below <see cref="Below"/> (and above the previous bin) were right this often.</summary>
public sealed record CalibrationStep(
    [property: JsonPropertyName("below")] double Below,
    [property: JsonPropertyName("accuracy")] double Accuracy);
