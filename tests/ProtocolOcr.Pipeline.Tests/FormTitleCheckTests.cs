using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Imaging.Registration;
using ProtocolOcr.Recognition.Header;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>
/// The printed title tells apart the forms that share a layout (kz.president.2019 and 2022, which registration cannot):
/// generated photos of both forms, processed as either, through the pipeline with registration and the title check.
/// </summary>
public sealed class FormTitleCheckTests : IClassFixture<PipelineFixture>, IDisposable
{
    private readonly FormCatalog _catalog = FormCatalog.LoadDirectory(FormsDirectory.Locate());
    private readonly FormTitleCheck _titleCheck;
    private readonly ProtocolPipeline _pipeline;

    public FormTitleCheckTests(PipelineFixture fixture)
    {
        _titleCheck = new FormTitleCheck(_catalog.FormIds.Select(_catalog.Get));
        _pipeline = new ProtocolPipeline(
            fixture.Reader, PipelineSettings.Default, fixture.Reader, new FormReferences(_catalog.FormIds, _catalog.ReferenceImagePath),
            titleCheck: _titleCheck);
    }

    [Fact]
    public void A_2022_protocol_processed_as_the_2019_form_is_rejected_as_template_mismatch_naming_2022()
    {
        var result = Process(photoOf: "kz.president.2022", processedAs: "kz.president.2019");

        Assert.Equal(ProtocolStatus.Rejected, result.Status);
        Assert.Equal(ReasonCodes.TemplateMismatch, result.Rejection!.Code);
        Assert.Contains("kz.president.2022", result.Rejection.Message, StringComparison.Ordinal);
        Assert.Contains(result.Timings, timing => timing.Stage == "title");
    }

    [Theory]
    [InlineData("kz.president.2019")]
    [InlineData("kz.president.2022")]
    public void A_protocol_processed_as_its_own_form_passes_the_title_check(string formId)
    {
        var result = Process(photoOf: formId, processedAs: formId);

        Assert.NotEqual(ProtocolStatus.Rejected, result.Status);
        Assert.Contains(result.Timings, timing => timing.Stage == "title");
    }

    [Fact]
    public void A_2019_protocol_processed_as_the_2022_form_is_rejected_too()
    {
        var result = Process(photoOf: "kz.president.2019", processedAs: "kz.president.2022");

        Assert.Equal(ReasonCodes.TemplateMismatch, result.Rejection?.Code);
    }

    [Fact]
    public void A_form_no_other_form_looks_like_is_not_read_at_all()
    {
        var form = _catalog.Get("ru.uik.federal");
        using var page = ProtocolPageRenderer.FillIn(_catalog.ReferenceImagePath(form.Id)!, form, new Dictionary<string, long>());

        using var flat = new AlignedPage(page.Clone());
        Assert.Empty(_titleCheck.Confirm(flat, form, CancellationToken.None));
    }

    [Theory]
    [InlineData("kz.president.2019")]
    [InlineData("kz.president.2022")]
    public void A_title_read_as_nothing_names_no_other_form(string formId)
    {
        // DEV kz2022 photo 0011: both date lines read empty; little text is closer to the shorter 2019 title.
        var form = _catalog.Get(formId);
        using var page = ProtocolPageRenderer.FillIn(_catalog.ReferenceImagePath(form.Id)!, form, new Dictionary<string, long>());
        foreach (var line in form.TitleLines!)
        {
            page.Rectangle(new Rect(line.X, line.Y, line.Width, line.Height), Scalar.White, -1);
        }

        using var flat = new AlignedPage(page.Clone());
        var lines = _titleCheck.Confirm(flat, form, CancellationToken.None);

        Assert.Equal(form.TitleLines!.Count, lines.Count);
    }

    public void Dispose() => _titleCheck.Dispose();

    private ProtocolRecognition Process(string photoOf, string processedAs)
    {
        var form = _catalog.Get(photoOf);
        var values = form.Fields
            .Where(field => field.Kind is FieldKind.Count or FieldKind.Code)
            .Select((field, index) => (field.Id, Value: (long)((41 * index) + 7)))
            .ToDictionary(pair => pair.Id, pair => pair.Value);
        using var page = ProtocolPageRenderer.FillIn(_catalog.ReferenceImagePath(photoOf)!, form, values);
        var photo = PhotoStager.Stage(page, rotationDegrees: 3, seed: 23);
        return _pipeline.Process(photo.Bytes, _catalog.Get(processedAs), PipelineRunOptions.Default, CancellationToken.None);
    }
}
