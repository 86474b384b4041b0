using OpenCvSharp;
using ProtocolOcr.Recognition;
using ProtocolOcr.Recognition.Arbitration;
using ProtocolOcr.Recognition.Handwriting;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>One pipeline as production composes it (Tesseract and the digit engine, arbitrated) and the flat test pages, shared by a test class.</summary>
public sealed class PipelineFixture : IDisposable
{
    public PipelineFixture()
    {
        Reader = new TesseractDigitReader();
        Pipeline = new ProtocolPipeline(
            new EngineArbiter(Reader, new HandwrittenDigitReader(DigitClassifier.Load()), ArbiterSettings.Default),
            PipelineSettings.Default,
            Reader);
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
