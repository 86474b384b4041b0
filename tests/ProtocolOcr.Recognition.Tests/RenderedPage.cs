using OpenCvSharp;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Recognition.Tests;

/// <summary>The sample protocol rendered flat (as if perfectly aligned), with L6 and V7 left blank, cut into field crops.</summary>
public sealed class RenderedPage : IDisposable
{
    public static readonly string[] BlankFields = ["L6", "V7"];

    public RenderedPage()
    {
        Values = TestProtocols.Consistent.Where(pair => !BlankFields.Contains(pair.Key)).ToDictionary();
        using var aligned = new AlignedPage(ProtocolPageRenderer.Render(TestForms.Sample, Values));
        Crops = new FieldCropper().Crop(aligned, TestForms.Sample);
        Reader = new TesseractDigitReader();
    }

    public IReadOnlyDictionary<string, long> Values { get; }

    public FieldCrop[] Crops { get; }

    public TesseractDigitReader Reader { get; }

    public FieldCrop Crop(string fieldId) => Crops.Single(c => c.Field.Id == fieldId);

    public void Dispose()
    {
        foreach (var crop in Crops)
        {
            crop.Dispose();
        }

        Reader.Dispose();
    }
}
