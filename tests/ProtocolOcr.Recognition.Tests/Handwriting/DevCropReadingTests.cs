using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Recognition.Handwriting;

namespace ProtocolOcr.Recognition.Tests.Handwriting;

/// <summary>
/// Field crops cut by the pipeline from DEV photos (data/handwritten, saved grey by <c>tools/fieldread dump</c>; the file
/// name starts with the true value), each one the engine used to read wrong for the reason in its name.
/// </summary>
public sealed class DevCropReadingTests : IClassFixture<DigitEngine>
{
    private readonly HandwrittenDigitReader reader;

    public DevCropReadingTests(DigitEngine engine) => reader = new HandwrittenDigitReader(engine.Classifier);

    [Theory]
    [InlineData("385-five-cap-apart.png", 385)]
    [InlineData("759-five-cap-apart.png", 759)]
    [InlineData("173-border-sliver.png", 173)]
    [InlineData("8-border-remnant.png", 8)]
    [InlineData("1492-one-touching-top-border.png", 1492)]
    [InlineData("196-nine-cut-by-line-removal.png", 196)]
    [InlineData("45-five-cap-flung-wide.png", 45)]
    [InlineData("112-two-foot-flung-wide.png", 112)]
    [InlineData("37-faint-on-grey-paper.png", 37)]
    [InlineData("2-faint-on-grey-paper.png", 2)]
    [InlineData("156-shadow-in-a-corner.png", 156)]
    [InlineData("2662-faint-beside-dark-border.png", 2662)]
    [InlineData("705-faint-beside-dark-border.png", 705)]
    [InlineData("97-faint-on-grain.png", 97)]
    [InlineData("993-grain-beside-border.png", 993)]
    [InlineData("290-light-strokes-on-clean-paper.png", 290)]
    public void A_dev_crop_is_read(string file, long value)
    {
        using var crop = Load(file);

        Assert.Equal(value, reader.Read(crop, CancellationToken.None).Value);
    }

    private static FieldCrop Load(string file)
    {
        var image = Cv2.ImRead(Path.Combine(AppContext.BaseDirectory, "data", "handwritten", file), ImreadModes.Color);
        Assert.False(image.Empty(), $"test crop {file} is missing");
        var field = new FieldDefinition("L1", FieldKind.Count, new BoxRect(0, 0, image.Width, image.Height), LocalizedText.Empty);
        return new FieldCrop(field, field.Box, image);
    }
}
