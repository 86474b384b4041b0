namespace ProtocolOcr.Core.Forms.Loading;

internal sealed record BoxColumn(int X, int Width);
