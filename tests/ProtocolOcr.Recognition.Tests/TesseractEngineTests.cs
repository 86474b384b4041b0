using OpenCvSharp;
using ProtocolOcr.Recognition.Tesseract;

namespace ProtocolOcr.Recognition.Tests;

public sealed class TesseractEngineTests : IClassFixture<RenderedPage>
{
    private readonly RenderedPage _page;

    public TesseractEngineTests(RenderedPage page) => _page = page;

    [Fact]
    public void Runtime_reports_the_debian_tesseract_5()
    {
        Assert.StartsWith("5.", TesseractRuntime.Version);
    }

    [Fact]
    public void Engine_reads_a_line_symbol_by_symbol_with_confidences_boxes_and_choices()
    {
        using var engine = new TesseractEngine(TesseractSettings.Digits());
        using var prepared = DigitCropPreprocessor.Prepare(_page.Crop("L2").Image);

        var line = engine.ReadLine(prepared.Image);

        Assert.Equal("1538", line.Text);
        Assert.All(line.Symbols, symbol =>
        {
            Assert.InRange(symbol.Confidence, 0, 100);
            Assert.True(symbol.Box.Width > 0 && symbol.Box.Height > 0);
            Assert.NotEmpty(symbol.Choices);
        });
        Assert.True(line.Symbols.Zip(line.Symbols.Skip(1)).All(pair => pair.First.Box.X < pair.Second.Box.X), "symbols not left to right");
    }

    [Fact]
    public void Engine_refuses_a_colour_image_with_a_clear_error()
    {
        using var engine = new TesseractEngine(TesseractSettings.Digits());
        using var colour = new Mat(80, 200, MatType.CV_8UC3, Scalar.White);

        Assert.Throws<ArgumentException>(() => engine.ReadLine(colour));
    }

    [Fact]
    public void Engine_with_a_missing_language_fails_at_creation()
    {
        var settings = TesseractSettings.Digits() with { Language = "xx_missing" };

        var error = Assert.Throws<InvalidOperationException>(() => new TesseractEngine(settings));

        Assert.Contains("xx_missing", error.Message);
    }

    [Fact]
    public void Pool_gives_each_thread_its_own_engine_and_reads_stay_right_in_parallel()
    {
        using var pool = new TesseractEnginePool(TesseractSettings.Digits());
        var readable = _page.Crops.Where(c => _page.Values.ContainsKey(c.Field.Id)).ToArray();
        var jobs = Enumerable.Range(0, 4).SelectMany(_ => readable).ToArray();

        var results = new string[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            using var prepared = DigitCropPreprocessor.Prepare(jobs[i].Image);
            results[i] = pool.Use(engine => engine.ReadLine(prepared.Image)).Text;
        });

        for (int i = 0; i < jobs.Length; i++)
        {
            Assert.Equal(_page.Values[jobs[i].Field.Id].ToString(System.Globalization.CultureInfo.InvariantCulture), results[i]);
        }
    }
}
