namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>
/// The <c>rows</c> convenience: fields without an explicit box take the next row, top to bottom. Row n starts at
/// <c>top + n * pitch</c>; its boxes are <c>height</c> tall, centred in the row.
/// </summary>
internal sealed class RowLayout(int top, int pitch, int height, int left, BoxColumn value, BoxColumn? words)
{
    private int _nextRow;

    public (BoxRect Value, BoxRect? Words) NextField()
    {
        var y = NextRowTop() + (pitch - height) / 2;
        return (new BoxRect(value.X, y, value.Width, height),
            words is null ? null : new BoxRect(words.X, y, words.Width, height));
    }

    /// <summary>A whole row for a group's heading, from the left edge to the rightmost column.</summary>
    public BoxRect NextHeading()
    {
        var right = Math.Max(value.X + value.Width, words is null ? 0 : words.X + words.Width);
        return new BoxRect(left, NextRowTop(), right - left, pitch);
    }

    private int NextRowTop() => top + _nextRow++ * pitch;
}
