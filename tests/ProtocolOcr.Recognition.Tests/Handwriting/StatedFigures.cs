namespace ProtocolOcr.Recognition.Tests.Handwriting;

/// <summary>What tessdata/digits/README.md states for the fixed 1,000-digit MNIST Test sample (100 per class, read as paper images).</summary>
internal static class StatedFigures
{
    public const double SampleTopOne = 0.9920;
    public const double SampleAcceptRate = 0.980;
    public const double SampleAcceptedAccuracy = 0.9990;
}
