using OpenCvSharp;

namespace ProtocolOcr.TestSupport;

/// <summary>An encoded test photo and where the page's corners truly are in it (clockwise from the page's top-left).</summary>
public sealed record StagedPhoto(byte[] Bytes, Point2f[] TrueCorners, int Width, int Height);
