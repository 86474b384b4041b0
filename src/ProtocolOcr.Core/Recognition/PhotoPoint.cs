namespace ProtocolOcr.Core.Recognition;

/// <summary>A point in the uploaded photo's pixels (after EXIF orientation), x to the right, y down.</summary>
public readonly record struct PhotoPoint(double X, double Y);
