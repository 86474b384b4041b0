using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Debugging;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Imaging.Quality;
using ProtocolOcr.Pipeline.Arithmetic;
using ProtocolOcr.Recognition;

namespace ProtocolOcr.Pipeline;

/// <summary>
/// Photo bytes to a recognised protocol; <see cref="Process"/> is the list of stages. Stateless apart from the
/// thread-safe reader, so one instance serves every worker thread. A photo-caused failure (PhotoRejectedException)
/// becomes a rejected recognition with its reason; anything else is a fault and propagates.
/// </summary>
public sealed class ProtocolPipeline : IProtocolPipeline
{
    private readonly PhotoDecoder _decoder = new();
    private readonly PhotoQualityGate _qualityGate = new();
    private readonly PageDetector _pageDetector = new();
    private readonly PerspectiveCorrector _perspective = new();
    private readonly FieldCropper _cropper = new();
    private readonly PageOrientation _orientation;
    private readonly IFieldReader _reader;
    private readonly ProtocolValidator _validator = new();
    private readonly FieldDecider _decider;
    private readonly ArithmeticCorrector _corrector;

    /// <param name="reader">Reads every field's value.</param>
    /// <param name="settings">Decision thresholds.</param>
    /// <param name="arithmetic">Thresholds of the arithmetic correction; <see cref="ArithmeticSettings.Default"/> when null.</param>
    /// <param name="orientationReader">
    /// Reads the probe fields that tell which way up the page lies; defaults to <paramref name="reader"/>. Give it the
    /// printed-text engine: a digit classifier reads upside-down digits confidently (6 and 9, 1 and 7).
    /// </param>
    public ProtocolPipeline(
        IFieldReader reader, PipelineSettings settings, IFieldReader? orientationReader = null, ArithmeticSettings? arithmetic = null)
    {
        _corrector = new ArithmeticCorrector(arithmetic ?? ArithmeticSettings.Default);
        _reader = reader;
        _orientation = new PageOrientation(_cropper, orientationReader ?? reader);
        _decider = new FieldDecider(settings);
    }

    public Task<ProtocolRecognition> ProcessAsync(
        ReadOnlyMemory<byte> photo, FormDefinition form, PipelineRunOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(Process(photo, form, options, cancellationToken));

    public ProtocolRecognition Process(
        ReadOnlyMemory<byte> photo, FormDefinition form, PipelineRunOptions options, CancellationToken cancellationToken)
    {
        var clock = new StageClock();
        var debug = new DebugArtifacts(options.DebugDirectory);
        try
        {
            using var decoded = clock.Time("decode", () => _decoder.Decode(photo.Span));
            debug.Write("01_decoded.png", decoded.Image);
            cancellationToken.ThrowIfCancellationRequested();

            clock.Time("quality", () => _qualityGate.Check(decoded));
            var page = clock.Time("page", () => _pageDetector.Detect(decoded));
            debug.WritePage(page);

            using var aligned = clock.Time("align", () => _perspective.Align(page, form.ReferenceSize));
            var turned = clock.Time("orient", () => _orientation.MakeUpright(aligned, form, cancellationToken));
            debug.Write("03_aligned.png", aligned.Image);
            cancellationToken.ThrowIfCancellationRequested();

            var crops = clock.Time("crop", () => _cropper.Crop(aligned, form));
            try
            {
                debug.WriteFields(crops);
                var readings = clock.Time("read", () => crops.Select(crop => _reader.Read(crop, cancellationToken)).ToList());
                var verdicts = clock.Time("correct", () => _corrector.Judge(form, readings));
                var corrected = ArithmeticCorrector.ApplyCorrections(readings, verdicts);
                var report = clock.Time("validate", () => _validator.Validate(form, corrected));
                var fields = clock.Time("decide", () => _decider.Decide(form, corrected, report, verdicts));
                return new ProtocolRecognition(
                    form.Id, PipelineVersion.Current, FieldDecider.ProtocolStatusOf(fields), null, fields, report.Checks, clock.Timings,
                    PageCornersInPhoto.Of(page, turned));
            }
            finally
            {
                foreach (var crop in crops)
                {
                    crop.Dispose();
                }
            }
        }
        catch (PhotoRejectedException rejection)
        {
            return new ProtocolRecognition(
                form.Id, PipelineVersion.Current, ProtocolStatus.Rejected, rejection.ToReason(), [], [], clock.Timings);
        }
    }
}
