using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Forms.Synthesis;
using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// Photos of the shipped Kazakh 2019 protocol from the benchmark's generator (the real form, clean capture, printed
/// digits, arithmetic consistent), so the worker registers them against the form's own reference page.
/// </summary>
internal static class ProtocolPhotos
{
    public const string Election = "kz-2019-president";
    private const int SeedBase = 7100;

    private static readonly FormCatalog Catalog = FormCatalog.LoadDirectory(Path.Combine(RepositoryPaths.Root, "forms"));
    private static readonly Lazy<FormDefinition> KazakhForm = new(() => Catalog.Get("kz.president.2019"));
    private static readonly Lazy<ProtocolGenerator> Generator = new(() => new ProtocolGenerator(MnistDigits.FromNodeModules(), FontCatalog.Debian()));
    private static readonly Lazy<OpenCvSharp.Mat> Blank = new(() => BlankForm.Load(Catalog, KazakhForm.Value));
    private static readonly Lock GeneratorLock = new();

    public static FormDefinition Form => KazakhForm.Value;

    /// <summary>A photo whose numbers differ with <paramref name="variant"/>, and the numbers written on it.</summary>
    public static (byte[] Photo, IReadOnlyDictionary<string, long> Values) Kazakh2019(int variant)
    {
        GeneratedPhoto photo;
        lock (GeneratorLock)
        {
            photo = Generator.Value.Generate(Form, SynthesisPlan.Create(Form), Blank.Value,
                new PhotoRequest(CaptureLevel.Clean, HandStyle.Printed, SeedBase + variant, 0, ViolationRate: 0, MaxMegapixels: 2.0));
        }

        return (photo.Jpeg, photo.Truth.Fields.ToDictionary(f => f.Id, f => f.Value, StringComparer.Ordinal));
    }
}
