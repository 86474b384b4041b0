namespace ProtocolOcr.Core.Forms;

/// <summary>Size of the form's reference page in reference pixels.</summary>
public readonly record struct PageSize(int Width, int Height);
