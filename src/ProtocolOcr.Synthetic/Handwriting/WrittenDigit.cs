using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>A digit as placed on the page: its glyph's rectangle in reference coordinates and its MNIST index, if any.</summary>
public sealed record WrittenDigit(int Digit, Rect Bounds, int? MnistIndex);
