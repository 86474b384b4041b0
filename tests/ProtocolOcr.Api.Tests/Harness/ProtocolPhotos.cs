using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>Phone-like photos of the shipped Kazakh 2019 protocol, filled with consistent numbers.</summary>
internal static class ProtocolPhotos
{
    public const string Election = "kz-2019-president";
    private static readonly Lazy<FormDefinition> KazakhForm = new(() =>
        FormCatalog.LoadDirectory(Path.Combine(RepositoryPaths.Root, "forms")).Get("kz.president.2019"));

    public static FormDefinition Form => KazakhForm.Value;

    /// <summary>A photo whose numbers differ with <paramref name="variant"/>, and the numbers written on it.</summary>
    public static (byte[] Photo, IReadOnlyDictionary<string, long> Values) Kazakh2019(int variant)
    {
        var values = ProtocolValues.ConsistentKazakh(Form, variant);
        using var page = ProtocolPageRenderer.Render(Form, values);
        return (PhotoStager.Stage(page, rotationDegrees: 3 + variant % 3, seed: variant).Bytes, values);
    }
}
