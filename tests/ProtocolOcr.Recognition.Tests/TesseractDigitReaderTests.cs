using System.Diagnostics;
using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using Xunit.Abstractions;

namespace ProtocolOcr.Recognition.Tests;

public sealed class TesseractDigitReaderTests : IClassFixture<RenderedPage>
{
    private readonly RenderedPage _page;
    private readonly ITestOutputHelper _output;

    public TesseractDigitReaderTests(RenderedPage page, ITestOutputHelper output)
    {
        _page = page;
        _output = output;
    }

    [Fact]
    public void Every_printed_field_is_read_right_and_confidently()
    {
        foreach (var crop in _page.Crops.Where(c => _page.Values.ContainsKey(c.Field.Id)))
        {
            var reading = _page.Reader.Read(crop, CancellationToken.None);

            Assert.Equal(_page.Values[crop.Field.Id], reading.Value);
            Assert.InRange(reading.Confidence, 0.8, 1.0);
            Assert.Equal(crop.Field.Id, reading.FieldId);
            Assert.Equal("tesseract", reading.Engine);
            Assert.Equal(crop.CropBox, reading.Box);
            Assert.All(reading.Alternatives, alternative =>
            {
                Assert.NotEqual(reading.Value, alternative.Value);
                Assert.InRange(alternative.Confidence, 0, 1);
            });
        }
    }

    [Fact]
    public void A_blank_box_reads_as_empty_not_as_its_border()
    {
        foreach (string fieldId in RenderedPage.BlankFields)
        {
            var reading = _page.Reader.Read(_page.Crop(fieldId), CancellationToken.None);

            Assert.Null(reading.Value);
            Assert.Equal(FieldStatus.Empty, reading.Status);
        }
    }

    [Fact]
    public void A_small_crop_is_upscaled_and_still_read()
    {
        var crop = _page.Crop("L1");
        using var half = new Mat();
        Cv2.Resize(crop.Image, half, new Size(), 0.5, 0.5, InterpolationFlags.Area);
        using var small = new FieldCrop(crop.Field, crop.CropBox, half.Clone());

        var reading = _page.Reader.Read(small, CancellationToken.None);

        Assert.Equal(1523, reading.Value);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(0.75)]
    public void The_reader_at_another_scale_reads_every_printed_field_alike_and_leaves_its_engines_to_the_owner(double scale)
    {
        using (var scaled = _page.Reader.AtScale(scale))
        {
            foreach (var crop in _page.Crops.Where(c => _page.Values.ContainsKey(c.Field.Id)))
            {
                Assert.Equal(_page.Values[crop.Field.Id], scaled.Read(crop, CancellationToken.None).Value);
            }
        }

        Assert.Equal(1523, _page.Reader.Read(_page.Crop("L1"), CancellationToken.None).Value);
    }

    [Fact]
    public void Ink_that_is_not_digits_is_left_for_review_without_a_value()
    {
        var crop = _page.Crop("L6");
        using var scribble = crop.Image.Clone();
        Cv2.Ellipse(scribble, new RotatedRect(new Point2f(scribble.Width / 2f, scribble.Height / 2f), new Size2f(150, 45), 0), Scalar.Black, 5);
        using var scribbled = new FieldCrop(crop.Field, crop.CropBox, scribble.Clone());

        var reading = _page.Reader.Read(scribbled, CancellationToken.None);

        Assert.Equal(FieldStatus.NeedsReview, reading.Status);
        Assert.True(reading.Value is null || reading.Confidence < 0.9, $"a drawn ellipse read as {reading.Value} at {reading.Confidence:F2}");
    }

    [Fact]
    public void A_cancelled_read_throws_before_work()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => _page.Reader.Read(_page.Crop("L1"), cancelled.Token));
    }

    [Fact]
    public void Measure_milliseconds_per_field()
    {
        var crops = _page.Crops.Where(c => _page.Values.ContainsKey(c.Field.Id)).ToArray();
        _page.Reader.Read(crops[0], CancellationToken.None);
        const int rounds = 10;
        var clock = Stopwatch.StartNew();
        int correct = 0;
        for (int round = 0; round < rounds; round++)
        {
            correct += crops.Count(crop => _page.Reader.Read(crop, CancellationToken.None).Value == _page.Values[crop.Field.Id]);
        }

        double perField = clock.Elapsed.TotalMilliseconds / (rounds * crops.Length);

        var prepared = crops.Select(crop => DigitCropPreprocessor.Prepare(crop.Image)).ToArray();
        using var engine = new ProtocolOcr.Recognition.Tesseract.TesseractEngine(ProtocolOcr.Recognition.Tesseract.TesseractSettings.Digits());
        clock.Restart();
        for (int round = 0; round < rounds; round++)
        {
            foreach (var image in prepared)
            {
                engine.ReadLine(image.Image);
            }
        }

        double tesseractOnly = clock.Elapsed.TotalMilliseconds / (rounds * crops.Length);
        foreach (var image in prepared)
        {
            image.Dispose();
        }

        _output.WriteLine($"{perField:F2} ms per field read (clean-up + Tesseract), {tesseractOnly:F2} ms of it Tesseract alone, one thread");
        Assert.Equal(rounds * crops.Length, correct);
    }
}
