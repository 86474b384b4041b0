namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>How a protocol's values are written: by hand, typed/printed, or a mix per field.</summary>
public enum HandStyle
{
    Handwritten,
    Printed,
    Mixed,
}
