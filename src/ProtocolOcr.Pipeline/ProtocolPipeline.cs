using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Debugging;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Imaging.Quality;
using ProtocolOcr.Imaging.Registration;
using ProtocolOcr.Pipeline.Arithmetic;
using ProtocolOcr.Recognition;
using ProtocolOcr.Recognition.Header;
using ProtocolOcr.Recognition.Words;

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
    private readonly FormReferences? _references;
    private readonly FormLocator? _locator;
    private readonly ArithmeticCorrector _corrector;
    private readonly FormTitleCheck? _titleCheck;
    private readonly WordsWitness? _wordsWitness;

    /// <param name="reader">Reads every field's value.</param>
    /// <param name="settings">Decision thresholds.</param>
    /// <param name="arithmetic">Thresholds of the arithmetic correction; <see cref="ArithmeticSettings.Default"/> when null.</param>
    /// <param name="orientationReader">
    /// Reads the probe fields that tell which way up the page lies; defaults to <paramref name="reader"/>. Give it the
    /// printed-text engine: a digit classifier reads upside-down digits confidently (6 and 9, 1 and 7).
    /// </param>
    /// <param name="references">
    /// The forms' reference pages: a form with one is registered by its printed structure (which also decides which way
    /// up the page lies and rejects other documents); without, the page outline alone places the fields.
    /// </param>
    /// <param name="titleCheck">Reads the printed title to tell apart forms that share a layout; none when null.</param>
    /// <param name="wordsReader">Reads the counts written in words, a witness for the fields in review; none when null.</param>
    public ProtocolPipeline(
        IFieldReader reader, PipelineSettings settings, IFieldReader? orientationReader = null, FormReferences? references = null,
        ArithmeticSettings? arithmetic = null, FormTitleCheck? titleCheck = null, NumberWordsReader? wordsReader = null)
    {
        _wordsWitness = wordsReader is null ? null : new WordsWitness(wordsReader);
        _titleCheck = titleCheck;
        _references = references;
        _locator = references is null ? null : new FormLocator(references);
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

            var quality = clock.Time("quality", () => _qualityGate.Check(decoded));
            var reference = _references?.For(form.Id);
            var (aligned, corners, score) = SoftPhotoCheck.Align(quality, () => reference is null
                ? AlignByOutline(decoded, form, clock, debug, cancellationToken)
                : AlignByRegistration(decoded, reference, clock, debug));
            using var alignedPage = aligned;
            debug.Write("03_aligned.png", aligned.Whole);
            cancellationToken.ThrowIfCancellationRequested();
            if (_titleCheck is not null)
            {
                clock.Time("title", () => _titleCheck.Confirm(aligned, form, cancellationToken));
            }

            var crops = clock.Time("crop", () => _cropper.Crop(aligned, form, RelationFields.CheckedBySum(form)));
            try
            {
                debug.WriteFields(crops);
                var readings = clock.Time("read", () => crops.Select(crop => _reader.Read(crop, cancellationToken)).ToList());
                var judged = Judge(form, readings, options.StatedPrecinct, clock);
                if (_wordsWitness is not null)
                {
                    judged = clock.Time("words", () => WitnessWords(aligned, form, readings, judged, options.StatedPrecinct, cancellationToken));
                }

                var (fields, report) = judged;
                ReadOnlyMemory<byte>? alignedJpeg = options.KeepAlignedPage ? Jpeg(aligned) : null;
                return new ProtocolRecognition(
                    form.Id, PipelineVersion.Current, FieldDecider.ProtocolStatusOf(fields), null, fields, report.Checks, clock.Timings,
                    corners, score, alignedJpeg);
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

    /// <summary>The arithmetic's corrections, the relations checked, each field accepted or sent to review.</summary>
    private Judgement Judge(FormDefinition form, IReadOnlyList<FieldReading> readings, string? statedPrecinct, StageClock clock)
    {
        var verdicts = clock.Time("correct", () => _corrector.Judge(form, readings));
        var corrected = ArithmeticCorrector.ApplyCorrections(readings, verdicts);
        var report = clock.Time("validate", () => _validator.Validate(form, corrected));
        var fields = clock.Time("decide", () => _decider.Decide(form, corrected, report, verdicts, statedPrecinct));
        return new Judgement(fields, report);
    }

    /// <summary>Stage 8: the words of the fields in review as a further witness, and the arithmetic and the decision again when they named anything.</summary>
    private Judgement WitnessWords(
        AlignedPage aligned, FormDefinition form, IReadOnlyList<FieldReading> readings, Judgement judged, string? statedPrecinct,
        CancellationToken cancellationToken)
    {
        var witnessed = _wordsWitness!.Witness(aligned, form, readings, judged.Fields, cancellationToken);
        // The second judgement's own timings are dropped: its cost is part of the words stage.
        return ReferenceEquals(witnessed, readings) ? judged : Judge(form, witnessed, statedPrecinct, new StageClock());
    }

    /// <summary>Page outline, perspective, then orientation by reading probe fields: for a form without a reference page.</summary>
    private (AlignedPage Aligned, IReadOnlyList<PhotoPoint> Corners, double? Score) AlignByOutline(
        DecodedPhoto decoded, FormDefinition form, StageClock clock, DebugArtifacts debug, CancellationToken cancellationToken)
    {
        var page = clock.Time("page", () => _pageDetector.Detect(decoded));
        debug.WritePage(page);
        var aligned = clock.Time("align", () => _perspective.Align(page, form.ReferenceSize));
        var (upright, turned) = clock.Time("orient", () => _orientation.MakeUpright(aligned, form, cancellationToken));
        return (upright, PageCornersInPhoto.Of(page, turned), null);
    }

    /// <summary>
    /// Page outline as a hint (its rejection is kept, not thrown: registration may still find the form), registration
    /// to the reference page (decides orientation).
    /// </summary>
    private (AlignedPage Aligned, IReadOnlyList<PhotoPoint> Corners, double? Score) AlignByRegistration(
        DecodedPhoto decoded, FormReference reference, StageClock clock, DebugArtifacts debug)
    {
        var (page, pageRejection) = clock.Time("page", () => DetectPage(decoded));
        if (page is not null)
        {
            debug.WritePage(page);
        }

        var registered = clock.Time("register", () => _locator!.Locate(decoded, page, pageRejection, reference));
        var aligned = clock.Time("align", () => _perspective.Align(decoded, registered));
        return (aligned, PageCornersInPhoto.Of(decoded, registered), registered.Score);
    }

    /// <summary>The whole page at full resolution for the review page: the one stage that warps all of it.</summary>
    private static ReadOnlyMemory<byte> Jpeg(AlignedPage aligned)
    {
        using var whole = aligned.Whole();
        return whole.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 85));
    }

    private (PageImage? Page, PhotoRejectedException? Rejection) DetectPage(DecodedPhoto decoded)
    {
        try
        {
            return (_pageDetector.Detect(decoded), null);
        }
        catch (PhotoRejectedException rejection)
        {
            return (null, rejection);
        }
    }
}
