namespace ProtocolOcr.Synthetic.Photo;

/// <summary>How hard the photo is to read: a careful photo, an everyday phone photo, a bad but readable one, or unusable.</summary>
public enum CaptureLevel
{
    Clean,
    Phone,
    Hard,
    Bad,
}
