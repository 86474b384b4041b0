namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>Validation digits with this agreement and an MLP margin from <see cref="MinMargin"/> up to the next bin: how many, how many right.</summary>
public sealed record CalibrationBin(bool ModelsAgree, double MinMargin, int Count, int Correct, double Confidence);
