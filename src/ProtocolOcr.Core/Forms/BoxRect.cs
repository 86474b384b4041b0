namespace ProtocolOcr.Core.Forms;

/// <summary>An axis-aligned rectangle in pixels (reference or image coordinates, as the owner says).</summary>
public readonly record struct BoxRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;

    public bool Overlaps(BoxRect other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;
}
