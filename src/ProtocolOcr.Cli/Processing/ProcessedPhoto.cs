using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Cli.Processing;

/// <summary>One photo given to <c>process</c> and what the pipeline made of it.</summary>
public sealed record ProcessedPhoto(string Photo, ProtocolRecognition Recognition);
