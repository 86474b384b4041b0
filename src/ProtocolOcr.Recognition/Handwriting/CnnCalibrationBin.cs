namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>Validation digits whose CNN softmax is from <see cref="MinSoftmax"/> up to the next bin: how many, how many right, smoothed accuracy.</summary>
public sealed record CnnCalibrationBin(double MinSoftmax, int Count, int Correct, double Confidence);
