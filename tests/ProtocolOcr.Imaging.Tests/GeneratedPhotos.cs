using System.Collections.Concurrent;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Forms.Synthesis;
using ProtocolOcr.Imaging.Registration;
using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Imaging.Tests;

/// <summary>
/// Photos from the benchmark's generator, made in process (MNIST and each blank form load once), and the shipped
/// forms' registration references. Seeds used by tests (300+) are apart from the DEV (100-199) and TEST (900) sets the
/// thresholds were calibrated and scored on.
/// </summary>
public sealed class GeneratedPhotos : IDisposable
{
    public const string FormId = "kz.president.2019";

    private readonly ProtocolGenerator _generator = new(MnistDigits.FromNodeModules(), FontCatalog.Debian());
    private readonly FormCatalog _catalog = FormCatalog.LoadDirectory(FormsDirectory.Locate());
    private readonly ConcurrentDictionary<string, (FormDefinition Form, OpenCvSharp.Mat Blank, SynthesisPlan Plan)> _forms = new();

    public GeneratedPhotos() => References = new FormReferences(_catalog.FormIds, _catalog.ReferenceImagePath);

    public FormReferences References { get; }

    public FormReference Reference => References.For(FormId)!;

    public GeneratedPhoto Generate(CaptureLevel level, int seed, int index, string formId = FormId, double maxMegapixels = 2.5)
    {
        var (form, blank, plan) = _forms.GetOrAdd(formId, id =>
        {
            var form = _catalog.Get(id);
            return (form, BlankForm.Load(_catalog, form), SynthesisPlan.Create(form));
        });
        return _generator.Generate(form, plan, blank, new PhotoRequest(level, HandStyle.Handwritten, seed, index, MaxMegapixels: maxMegapixels));
    }

    public void Dispose()
    {
        _generator.Dispose();
        References.Dispose();
        foreach (var prepared in _forms.Values)
        {
            prepared.Blank.Dispose();
        }
    }
}
