using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Forms.Synthesis;
using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Imaging.Tests;

/// <summary>
/// Photos from the benchmark's generator, made in process (MNIST and the blank form load once). Seeds used by tests
/// (300+) are apart from the DEV (100-199) and TEST (900) sets the quality thresholds were calibrated and scored on.
/// </summary>
public sealed class GeneratedPhotos : IDisposable
{
    private const string FormId = "kz.president.2019";
    private readonly ProtocolGenerator _generator = new(MnistDigits.FromNodeModules(), FontCatalog.Debian());
    private readonly FormDefinition _form;
    private readonly OpenCvSharp.Mat _blank;
    private readonly SynthesisPlan _plan;

    public GeneratedPhotos()
    {
        var catalog = FormCatalog.LoadDirectory(FormsDirectory.Locate());
        _form = catalog.Get(FormId);
        _blank = BlankForm.Load(catalog, _form);
        _plan = SynthesisPlan.Create(_form);
    }

    public GeneratedPhoto Generate(CaptureLevel level, int seed, int index) =>
        _generator.Generate(_form, _plan, _blank, new PhotoRequest(level, HandStyle.Handwritten, seed, index, MaxMegapixels: 2.5));

    public void Dispose()
    {
        _generator.Dispose();
        _blank.Dispose();
    }
}
