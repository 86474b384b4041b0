using OpenCvSharp;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Imaging.Tests;

/// <summary>Test photos built once per test class: a 12 MP JPEG of the sample protocol, and the page itself.</summary>
public sealed class StagedPhotos : IDisposable
{
    public StagedPhotos()
    {
        Page = ProtocolPageRenderer.Render(TestForms.Sample, TestProtocols.Consistent);
        Photo = PhotoStager.Stage(Page);
    }

    public Mat Page { get; }

    public StagedPhoto Photo { get; }

    public void Dispose() => Page.Dispose();
}
