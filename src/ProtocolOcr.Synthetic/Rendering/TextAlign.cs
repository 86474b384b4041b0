namespace ProtocolOcr.Synthetic.Rendering;

public enum TextAlign
{
    Left,
    Center,
    Right,
}
