namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>Which side of the <see cref="MnistSplit"/> a digit sample belongs to.</summary>
public enum MnistPart
{
    Train,
    Test,
}
