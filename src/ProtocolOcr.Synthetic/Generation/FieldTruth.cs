namespace ProtocolOcr.Synthetic.Generation;

/// <summary>
/// One written field: its value, its box in the photo (the reference box's four corners top-left, top-right,
/// bottom-right, bottom-left, through the page homography), whether it was handwritten or printed, and which MNIST
/// samples (all from the Test part of <c>MnistSplit</c>) were used for its digits.
/// </summary>
public sealed record FieldTruth(
    string Id,
    long Value,
    IReadOnlyList<TruthPoint> Box,
    string Hand,
    IReadOnlyList<MnistSampleRef> MnistSamples);
