using ProtocolOcr.Imaging.Decoding;

namespace ProtocolOcr.Imaging.Page;

/// <summary>Stage 2 output: where the page lies in the photo. Borrows the photo's pixels; the photo's owner disposes them.</summary>
public sealed record PageImage(DecodedPhoto Photo, PageQuad Quad);
