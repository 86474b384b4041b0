using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>The pipeline on the form definition the project ships (forms/kz.president.2019.yaml), not the test form.</summary>
public sealed class ShippedFormTests : IClassFixture<PipelineFixture>
{
    private readonly PipelineFixture _fixture;

    public ShippedFormTests(PipelineFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_photo_of_the_kazakh_2019_form_is_read_and_its_relations_hold()
    {
        var form = FormCatalog.LoadDirectory(FormsDirectory.Locate()).Get("kz.president.2019");
        var values = ConsistentValues(form);
        using var page = ProtocolPageRenderer.Render(form, values);
        var photo = PhotoStager.Stage(page, rotationDegrees: 4, seed: 11);

        var result = _fixture.Pipeline.Process(photo.Bytes, form, PipelineRunOptions.Default, CancellationToken.None);

        Assert.All(result.Fields, field => Assert.Equal((field.FieldId, values[field.FieldId], FieldStatus.Accepted), (field.FieldId, field.Value ?? -1, field.Status)));
        Assert.Equal(ProtocolStatus.Accepted, result.Status);
        Assert.All(result.Relations.Where(r => r.Severity == RelationSeverity.Error), check => Assert.True(check.Holds, check.Detail));
    }

    [Theory]
    [InlineData("kz.president.2019")]
    [InlineData("kz.president.2022")]
    [InlineData("ru.uik.federal")]
    public void Digits_printed_on_the_shipped_reference_image_are_read_back(string formId)
    {
        var catalog = FormCatalog.LoadDirectory(FormsDirectory.Locate());
        var form = catalog.Get(formId);
        var values = form.Fields
            .Where(f => f.Kind is FieldKind.Count or FieldKind.Code)
            .Select((field, i) => (field.Id, Value: (long)((37 * i) + 5)))
            .ToDictionary(pair => pair.Id, pair => pair.Value);
        using var page = ProtocolPageRenderer.FillIn(catalog.ReferenceImagePath(formId)!, form, values);
        var photo = PhotoStager.Stage(page, rotationDegrees: -3, seed: 17);

        var result = _fixture.Pipeline.Process(photo.Bytes, form, PipelineRunOptions.Default, CancellationToken.None);

        Assert.Equal(values.Count, result.Fields.Count);
        Assert.All(result.Fields, field => Assert.Equal((field.FieldId, values[field.FieldId]), (field.FieldId, field.Value ?? -1)));
    }

    /// <summary>Values for every numeric field that satisfy the Kazakh relations (L2 = L3 + L6, L4 = L5 + sum(V), ...).</summary>
    private static Dictionary<string, long> ConsistentValues(FormDefinition form)
    {
        var values = new Dictionary<string, long> { ["L1"] = 1523, ["L2"] = 1538, ["L3"] = 1206, ["L4"] = 1204, ["L5"] = 17, ["L6"] = 332 };
        var candidates = form.Fields.Where(f => f.Kind == FieldKind.Count && !values.ContainsKey(f.Id)).ToList();
        long remaining = values["L4"] - values["L5"];
        for (int i = 0; i < candidates.Count; i++)
        {
            long share = i == candidates.Count - 1 ? remaining : remaining / (i + 3);
            values[candidates[i].Id] = share;
            remaining -= share;
        }

        foreach (var code in form.Fields.Where(f => f.Kind == FieldKind.Code))
        {
            values[code.Id] = 418;
        }

        return values;
    }
}
