namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// Validation digits on which the two CNNs agreed (or not) and whose combined top probability is from
/// <see cref="MinProbability"/> up to the next bin: how many, how many right, and the smoothed accuracy.
/// </summary>
public sealed record CnnCalibrationBin(bool ModelsAgree, double MinProbability, int Count, int Correct, double Confidence);
