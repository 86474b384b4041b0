using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Recognition.Tests.Handwriting;
using ProtocolOcr.Recognition.Words;
using ProtocolOcr.Synthetic.Handwriting;
using Xunit.Abstractions;

namespace ProtocolOcr.Recognition.Tests.Words;

/// <summary>
/// Counts written in words by the photo generator's hand (handwriting and typewriter fonts, Kazakh and Russian) into
/// the words boxes of the shipped kz.president.2019 form, read by real Tesseract as the pipeline does.
/// </summary>
public sealed class NumberWordsReaderTests : IClassFixture<DigitEngine>, IDisposable
{
    private const int Boxes = 24;
    private readonly DigitEngine _engine;
    private readonly ITestOutputHelper _output;
    private readonly NumberWordsReader _reader = new();
    private readonly FormDefinition _form = FormCatalog.LoadDirectory(FormsDirectory.Locate()).Get("kz.president.2019");

    public NumberWordsReaderTests(DigitEngine engine, ITestOutputHelper output)
    {
        _engine = engine;
        _output = output;
    }

    [Fact]
    public void Words_written_in_either_language_name_their_count_and_never_another()
    {
        var writer = new NumberWriter(new DigitGlyphFactory(_engine.Mnist, _engine.Rasterizer), _engine.Rasterizer);
        var random = new Random(4711);
        var field = _form.Fields.First(candidate => candidate.WordsBox is not null);
        var named = 0;
        var namedAlone = 0;
        for (var index = 0; index < Boxes; index++)
        {
            var value = (long)random.Next(0, 3000);
            var language = index % 2 == 0 ? "kk" : "ru";
            var style = index % 3 == 0 ? WritingStyle.Typed(random, _engine.Fonts) : WritingStyle.Handwritten(random, _engine.Fonts);
            using var page = new Mat(_form.ReferenceSize.Height, _form.ReferenceSize.Width, MatType.CV_8UC3, new Scalar(232, 235, 238));
            using (var ink = new InkLayer(page.Size()))
            {
                writer.WriteWords(ink, field.WordsBox!.Value, value, language, style, random);
                ink.ApplyTo(page, style.Pen);
            }

            var box = field.WordsBox!.Value;
            page.Rectangle(new Rect(box.X, box.Y, box.Width, box.Height), Scalar.All(40), 2);
            using var flat = new AlignedPage(page.Clone());
            var decoding = _reader.Read(flat, _form, field, [], CancellationToken.None)!;
            _output.WriteLine($"{value} ({language}): read '{decoding.Text.Trim()}', nearest {decoding.Value} at {decoding.Distance}, next at {decoding.RunnerUpDistance}");
            Assert.True(decoding.Named is null || decoding.Named == value, $"{value} written, {decoding.Named} named");
            Assert.True(decoding.Named is null || decoding.Language == language, $"{value} written in {language}, named in {decoding.Language}");
            named += decoding.Named == value ? 1 : 0;

            var alone = _reader.Read(flat, _form, field, [], CancellationToken.None, writtenIn: language)!;
            Assert.True(alone.Named is null || alone.Named == value, $"{value} written, {alone.Named} named by the {language} model alone");
            namedAlone += alone.Named == value ? 1 : 0;
        }

        // Clean boxes: DEV phone photos' words named the count 94% of the time.
        Assert.InRange(named, Boxes * 3 / 4, Boxes);
        Assert.InRange(namedAlone, Boxes * 3 / 4, Boxes);
    }

    [Fact]
    public void Words_under_a_shadow_falling_across_the_box_still_name_their_count()
    {
        var writer = new NumberWriter(new DigitGlyphFactory(_engine.Mnist, _engine.Rasterizer), _engine.Rasterizer);
        var random = new Random(815);
        var field = _form.Fields.First(candidate => candidate.WordsBox is not null);
        var box = field.WordsBox!.Value;
        var named = 0;
        const int shaded = 8;
        for (var index = 0; index < shaded; index++)
        {
            var value = (long)random.Next(100, 3000);
            var style = WritingStyle.Handwritten(random, _engine.Fonts);
            using var page = new Mat(_form.ReferenceSize.Height, _form.ReferenceSize.Width, MatType.CV_8UC3, new Scalar(232, 235, 238));
            using (var ink = new InkLayer(page.Size()))
            {
                writer.WriteWords(ink, box, value, "kk", style, random);
                ink.ApplyTo(page, style.Pen);
            }

            page.Rectangle(new Rect(box.X, box.Y, box.Width, box.Height), Scalar.All(40), 2);
            Shade(page, new Rect(box.X, box.Y, box.Width, box.Height));
            using var flat = new AlignedPage(page.Clone());
            var decoding = _reader.Read(flat, _form, field, [], CancellationToken.None)!;
            _output.WriteLine($"{value}: read '{decoding.Text.Trim()}', named {decoding.Named}");
            Assert.True(decoding.Named is null || decoding.Named == value, $"{value} written, {decoding.Named} named");
            named += decoding.Named == value ? 1 : 0;
        }

        Assert.InRange(named, shaded - 2, shaded);
    }

    [Fact]
    public void An_empty_words_box_names_nothing()
    {
        using var page = new Mat(_form.ReferenceSize.Height, _form.ReferenceSize.Width, MatType.CV_8UC1, Scalar.All(235));

        using var flat = new AlignedPage(page.Clone());
        var decoding = _reader.Read(flat, _form, _form.Fields.First(field => field.WordsBox is not null), [], CancellationToken.None);

        Assert.Null(decoding?.Named);
    }

    [Fact]
    public void A_field_without_words_is_not_read()
    {
        using var page = new Mat(_form.ReferenceSize.Height, _form.ReferenceSize.Width, MatType.CV_8UC1, Scalar.All(235));

        using var flat = new AlignedPage(page.Clone());
        Assert.Null(_reader.Read(flat, _form, _form.Field("PRECINCT"), [], CancellationToken.None));
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>A shadow darkening the box from its left edge (paper at a quarter of its light) to nothing on its right.</summary>
    private static void Shade(Mat page, Rect area)
    {
        using var region = new Mat(page, area);
        for (var column = 0; column < area.Width; column++)
        {
            using var strip = region.ColRange(column, column + 1);
            var light = 0.25 + (0.75 * column / area.Width);
            strip.ConvertTo(strip, -1, light);
        }
    }
}
