using ProtocolOcr.Recognition.Handwriting;
using ProtocolOcr.Synthetic.Handwriting;

namespace ProtocolOcr.Recognition.Tests.Handwriting;

/// <summary>The committed digit model (tessdata/digits), MNIST digits and the handwriting fonts, loaded once per test class.</summary>
public sealed class DigitEngine : IDisposable
{
    public DigitEngine()
    {
        Classifier = DigitClassifier.Load();
        Mnist = MnistDigits.FromNodeModules();
        Fonts = FontCatalog.Debian();
        Rasterizer = new GlyphRasterizer();
    }

    public DigitClassifier Classifier { get; }

    public MnistDigits Mnist { get; }

    public FontCatalog Fonts { get; }

    public GlyphRasterizer Rasterizer { get; }

    public string UnseenFont => Fonts.Handwriting.Single(font => font.EndsWith("Humor-Sans.ttf", StringComparison.Ordinal));

    public void Dispose()
    {
        Classifier.Dispose();
        Rasterizer.Dispose();
    }
}
