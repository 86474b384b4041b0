using OpenCvSharp;
using ProtocolOcr.Recognition;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>One pipeline (with its Tesseract engines) and the flat test pages, shared by a test class.</summary>
public sealed class PipelineFixture : IDisposable
{
    public PipelineFixture()
    {
        Reader = new TesseractDigitReader();
        Pipeline = new ProtocolPipeline(Reader, PipelineSettings.Default);
        ConsistentPage = ProtocolPageRenderer.Render(TestForms.Sample, TestProtocols.Consistent);
    }

    public TesseractDigitReader Reader { get; }

    public ProtocolPipeline Pipeline { get; }

    public Mat ConsistentPage { get; }

    public void Dispose()
    {
        ConsistentPage.Dispose();
        Reader.Dispose();
    }
}
