namespace ProtocolOcr.TestSupport;

/// <summary>Test images that cannot be built in code (see Images/README.md), copied next to the test assemblies.</summary>
public static class TestImageFiles
{
    /// <summary>HEIC of <see cref="TestForms.Sample"/> with <see cref="TestProtocols.Consistent"/>, 1500x2000.</summary>
    public static byte[] SampleProtocolHeic => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "sample-protocol.heic"));
}
