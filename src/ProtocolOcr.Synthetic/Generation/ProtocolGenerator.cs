using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Synthesis;
using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Synthetic.Generation;

/// <summary>
/// Makes one phone photo of a filled protocol with its ground truth: fill values, write them on the blank form
/// (hand or printer), sign and stamp it, fold it, photograph it at the request's level, encode a JPEG.
/// Everything random comes from the photo's own <see cref="PhotoSeed"/> stream, so output is byte-identical per seed.
/// Thread-safe: photos may be generated in parallel.
/// </summary>
public sealed class ProtocolGenerator : IDisposable
{
    private readonly FontCatalog fonts;
    private readonly GlyphRasterizer rasterizer = new();
    private readonly NumberWriter writer;
    private readonly RubberStamp stamp;

    public ProtocolGenerator(MnistDigits mnist, FontCatalog fonts)
    {
        this.fonts = fonts;
        writer = new NumberWriter(new DigitGlyphFactory(mnist, rasterizer), rasterizer);
        stamp = new RubberStamp(rasterizer, fonts);
    }

    /// <param name="blankPage">The blank form at reference size (CV_8UC3); not modified.</param>
    public GeneratedPhoto Generate(FormDefinition form, SynthesisPlan plan, Mat blankPage, PhotoRequest request)
    {
        if (blankPage.Width != form.ReferenceSize.Width || blankPage.Height != form.ReferenceSize.Height)
        {
            throw new ArgumentException(
                $"Blank page is {blankPage.Width}x{blankPage.Height}, form '{form.Id}' expects {form.ReferenceSize.Width}x{form.ReferenceSize.Height}.",
                nameof(blankPage));
        }

        var random = PhotoSeed.Create(request.Seed, request.Index);
        var filled = ProtocolValueFiller.Fill(form, plan, random, random.NextDouble() < request.ViolationRate);
        var badKind = request.BadKind;
        var settings = badKind is { } kind ? CapturePresets.SampleBad(kind, random) : CapturePresets.Sample(request.Level, random);
        if (request.MaxMegapixels is { } cap && settings.Megapixels > cap)
        {
            settings = settings with { Megapixels = cap };
        }

        var handwriting = WritingStyle.Handwritten(random, fonts);
        var typing = WritingStyle.Typed(random, fonts);

        if (badKind == BadPhotoKind.NotAProtocol)
        {
            using var note = OtherDocument.Render(random);
            using var notePhoto = PhotoComposer.Photograph(note, [], settings, random);
            return Result(form, request, notePhoto, settings, null, [], [], handwriting.Pen.Name);
        }

        using var page = blankPage.Clone();
        PaperTexture.Apply(page, random);
        var written = WriteFields(form, page, filled.Values, request.Hand, handwriting, typing, random);
        SignAndStamp(form, page, handwriting.Pen, random);
        if (random.NextDouble() < 0.6)
        {
            PaperFold.Apply(page, random);
        }

        var keepClear = form.Fields.Where(field => field.Kind is FieldKind.Count or FieldKind.Code).Select(field => field.Box).ToList();
        using var photo = PhotoComposer.Photograph(page, keepClear, settings, random);
        using var homography = photo.Placement!.Homography(page.Size());
        var fields = written.Select(field => field with { Box = Transform(homography, field.Box) }).ToList();
        var pen = request.Hand == HandStyle.Printed ? typing.Pen.Name : handwriting.Pen.Name;
        return Result(form, request, photo, settings, Points(photo.Placement.Corners), fields, filled.ViolatedRelations, pen);
    }

    public void Dispose() => rasterizer.Dispose();

    private List<FieldTruth> WriteFields(
        FormDefinition form, Mat page, IReadOnlyDictionary<string, long> values, HandStyle hand,
        WritingStyle handwriting, WritingStyle typing, Random random)
    {
        var wordLanguages = form.Languages.Intersect(NumberWords.Languages).ToList();
        var language = wordLanguages.Count > 0 ? wordLanguages[random.Next(wordLanguages.Count)] : "ru";
        using var handInk = new InkLayer(page.Size());
        using var typedInk = new InkLayer(page.Size());
        var written = new List<FieldTruth>();
        foreach (var field in form.Fields.Where(field => values.ContainsKey(field.Id)))
        {
            var typed = hand switch
            {
                HandStyle.Printed => true,
                HandStyle.Handwritten => false,
                _ => random.NextDouble() < 0.5,
            };
            var style = typed ? typing : handwriting;
            var ink = typed ? typedInk : handInk;
            var digits = writer.WriteNumber(ink, field, values[field.Id], style, random);
            if (field.Words && field.WordsBox is { } wordsBox)
            {
                writer.WriteWords(ink, wordsBox, values[field.Id], language, style, random);
            }

            written.Add(new FieldTruth(
                field.Id, values[field.Id], Corners(field.Box), typed ? "printed" : "handwritten",
                digits.Where(digit => digit.MnistIndex.HasValue).Select(digit => new MnistSampleRef(digit.Digit, digit.MnistIndex!.Value)).ToList()));
        }

        typedInk.ApplyTo(page, typing.Pen);
        handInk.ApplyTo(page, handwriting.Pen);
        return written;
    }

    private void SignAndStamp(FormDefinition form, Mat page, PenStyle pen, Random random)
    {
        var width = page.Width;
        var height = page.Height;
        var signatureBoxes = form.Fields.Where(field => field.Kind == FieldKind.Signature).Select(field => field.Box).ToList();
        if (signatureBoxes.Count == 0)
        {
            signatureBoxes = Enumerable.Range(0, 3)
                .Select(row => new BoxRect((int)(width * 0.55), (int)(height * (0.86 + row * 0.035)), (int)(width * 0.35), (int)(height * 0.03)))
                .ToList();
        }

        using (var signatures = new InkLayer(page.Size()))
        {
            foreach (var box in signatureBoxes.Where(_ => random.NextDouble() < 0.9))
            {
                SignatureScribble.Draw(signatures, box, random);
            }

            signatures.ApplyTo(page, pen);
        }

        var stampField = form.Fields.FirstOrDefault(field => field.Kind == FieldKind.Stamp);
        var centre = stampField is null
            ? new Point((int)(width * (0.2 + random.NextDouble() * 0.3)), (int)(height * (0.87 + random.NextDouble() * 0.05)))
            : new Point(stampField.Box.X + stampField.Box.Width / 2, stampField.Box.Y + stampField.Box.Height / 2);
        stamp.Apply(page, centre, random);
    }

    private static GeneratedPhoto Result(
        FormDefinition form, PhotoRequest request, ComposedPhoto photo, CaptureSettings settings,
        IReadOnlyList<TruthPoint>? pageCorners, IReadOnlyList<FieldTruth> fields, IReadOnlyList<string> violated, string pen)
    {
        var truth = new PhotoTruth(
            request.NameFor(form.Id) + ".jpg", form.Id, form.Version, request.Level.ToString().ToLowerInvariant(),
            request.Hand.ToString().ToLowerInvariant(), request.Seed, request.Index, photo.Image.Width, photo.Image.Height,
            form.ReferenceSize.Width, form.ReferenceSize.Height,
            request.BadKind?.ReasonCode(), violated, pageCorners, fields, pen, settings);
        return new GeneratedPhoto(request.NameFor(form.Id), photo.EncodeJpeg(settings.JpegQuality), truth);
    }

    private static List<TruthPoint> Corners(BoxRect box) =>
        [new(box.X, box.Y), new(box.Right, box.Y), new(box.Right, box.Bottom), new(box.X, box.Bottom)];

    private static List<TruthPoint> Transform(Mat homography, IReadOnlyList<TruthPoint> points) =>
        Points(Cv2.PerspectiveTransform(points.Select(point => new Point2f((float)point.X, (float)point.Y)), homography));

    private static List<TruthPoint> Points(IEnumerable<Point2f> points) =>
        points.Select(point => new TruthPoint(Math.Round(point.X, 2), Math.Round(point.Y, 2))).ToList();
}
