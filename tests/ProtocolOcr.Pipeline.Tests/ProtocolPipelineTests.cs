using ImageMagick;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.TestSupport;
using Xunit.Abstractions;

namespace ProtocolOcr.Pipeline.Tests;

public sealed class ProtocolPipelineTests : IClassFixture<PipelineFixture>
{
    private static readonly FormDefinition Form = TestForms.Sample;
    private readonly PipelineFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ProtocolPipelineTests(PipelineFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void A_consistent_protocol_photo_is_read_right_and_accepted()
    {
        var photo = PhotoStager.Stage(_fixture.ConsistentPage);

        var result = Run(photo.Bytes);

        Assert.Equal(ProtocolStatus.Accepted, result.Status);
        Assert.Null(result.Rejection);
        Assert.Equal(PipelineVersion.Current, result.PipelineVersion);
        Assert.Equal(Form.Id, result.FormId);
        AssertValues(TestProtocols.Consistent, result);
        Assert.All(result.Fields, field =>
        {
            Assert.Equal(FieldStatus.Accepted, field.Status);
            Assert.InRange(field.Confidence, PipelineSettings.Default.AcceptConfidence, 1);
        });
        Assert.All(result.Relations, check => Assert.True(check.Holds, check.Detail));
        Assert.Equal(["decode", "quality", "page", "align", "orient", "crop", "read", "correct", "validate", "decide"], result.Timings.Select(t => t.Stage));
        _output.WriteLine(string.Join(", ", result.Timings.Select(t => $"{t.Stage} {t.Milliseconds:F0} ms")));
    }

    [Fact]
    public void Fields_of_a_broken_error_relation_go_to_review_and_the_rest_are_accepted()
    {
        using var page = ProtocolPageRenderer.Render(Form, TestProtocols.BreakingR4);
        var photo = PhotoStager.Stage(page, rotationDegrees: -5, seed: 2);

        var result = Run(photo.Bytes);

        Assert.Equal(ProtocolStatus.NeedsReview, result.Status);
        AssertValues(TestProtocols.BreakingR4, result);
        Assert.False(result.Relations.Single(r => r.RelationId == "R4").Holds);
        string[] inR4 = ["L4", "L5", "V1", "V2", "V3", "V4", "V5", "V6", "V7"];
        Assert.All(result.Fields, field =>
        {
            if (inR4.Contains(field.FieldId))
            {
                Assert.Equal((FieldStatus.NeedsReview, "relation_failed:R4"), (field.Status, field.ReviewReason));
            }
            else
            {
                Assert.Equal(FieldStatus.Accepted, field.Status);
            }
        });
    }

    [Fact]
    public void A_blank_required_field_is_sent_to_review_as_empty_and_its_relations_are_unverified()
    {
        var values = TestProtocols.Consistent.Where(pair => pair.Key != "L6").ToDictionary();
        using var page = ProtocolPageRenderer.Render(Form, values);

        var result = Run(PhotoStager.Stage(page, seed: 3).Bytes);

        Assert.Equal(ProtocolStatus.NeedsReview, result.Status);
        var l6 = result.Fields.Single(f => f.FieldId == "L6");
        Assert.Equal((FieldStatus.NeedsReview, "empty", (long?)null), (l6.Status, l6.ReviewReason, l6.Value));
        Assert.Null(result.Relations.Single(r => r.RelationId == "R2").Holds);
        Assert.Equal("relation_unverified:R2", result.Fields.Single(f => f.FieldId == "L2").ReviewReason);
        Assert.Equal(FieldStatus.Accepted, result.Fields.Single(f => f.FieldId == "L1").Status);
    }

    [Fact]
    public void An_exif_rotated_photo_reads_the_same()
    {
        var photo = PhotoStager.Stage(_fixture.ConsistentPage, rotationDegrees: 3, seed: 4);

        var result = Run(PhotoStager.WithExifRotation(photo.Bytes));

        Assert.Equal(ProtocolStatus.Accepted, result.Status);
        AssertValues(TestProtocols.Consistent, result);
    }

    [Fact]
    public void An_exif_rotated_photo_reports_its_page_corners_in_upright_photo_pixels()
    {
        var photo = PhotoStager.Stage(_fixture.ConsistentPage, width: 3600, height: 4800, rotationDegrees: 3, seed: 4);

        var result = Run(PhotoStager.WithExifRotation(photo.Bytes));

        // The stored pixels are 4800x3600 and the decoded photo 3072x4096: scaling by the stored width put corners
        // hundreds of pixels off. 25 px is 0.6% of the long side, the page detector's working precision.
        Assert.NotNull(result.PageCorners);
        Assert.All(
            result.PageCorners.Zip(photo.TrueCorners),
            pair => Assert.True(
                Math.Abs(pair.First.X - pair.Second.X) < 25 && Math.Abs(pair.First.Y - pair.Second.Y) < 25,
                $"corner at ({pair.First.X:F0}, {pair.First.Y:F0}), staged at ({pair.Second.X:F0}, {pair.Second.Y:F0})"));
    }

    [Fact]
    public void A_webp_photo_reads_the_same()
    {
        var photo = PhotoStager.Stage(_fixture.ConsistentPage, rotationDegrees: -2, seed: 5);

        var result = Run(PhotoStager.Reencode(photo.Bytes, MagickFormat.WebP));

        AssertValues(TestProtocols.Consistent, result);
    }

    [Fact]
    public void A_heic_photo_reads_the_same()
    {
        var result = Run(TestImageFiles.SampleProtocolHeic);

        Assert.Equal(ProtocolStatus.Accepted, result.Status);
        AssertValues(TestProtocols.Consistent, result);
    }

    [Fact]
    public void One_pipeline_serves_parallel_runs()
    {
        var protocols = Enumerable.Range(200, 4).Select(TestProtocols.Random).ToArray();
        var photos = protocols.Select((values, i) =>
        {
            using var page = ProtocolPageRenderer.Render(Form, values);
            return PhotoStager.Stage(page, rotationDegrees: i * 3, seed: 200 + i).Bytes;
        }).ToArray();

        var results = new ProtocolRecognition[photos.Length];
        Parallel.For(0, photos.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = Run(photos[i]));

        for (int i = 0; i < photos.Length; i++)
        {
            AssertValues(protocols[i], results[i]);
        }
    }

    [Theory]
    [InlineData(180)]
    [InlineData(90)]
    [InlineData(-90)]
    public void A_page_turned_over_or_sideways_is_read_the_right_way_up(double rotation)
    {
        var photo = PhotoStager.Stage(_fixture.ConsistentPage, width: 4000, height: 4000, rotationDegrees: rotation, pageHeightFraction: 0.8, seed: 12);

        var result = Run(photo.Bytes);

        _output.WriteLine($"{rotation}: {result.Status} " + string.Join(" ", result.Fields.Select(f => $"{f.FieldId}={f.Value}({f.Confidence:F2},{f.Status})")));
        Assert.Equal(ProtocolStatus.Accepted, result.Status);
        AssertValues(TestProtocols.Consistent, result);
    }

    [Fact]
    public void Noise_is_rejected_with_page_not_found_and_its_timings()
    {
        byte[] noise = NoisePhoto();

        var result = Run(noise);

        Assert.Equal(ProtocolStatus.Rejected, result.Status);
        Assert.Equal(ReasonCodes.PageNotFound, result.Rejection?.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection?.Message));
        Assert.Empty(result.Fields);
        Assert.Equal(["decode", "quality", "page"], result.Timings.Select(t => t.Stage));
    }

    [Fact]
    public void Truncated_bytes_are_rejected_as_unreadable()
    {
        var photo = PhotoStager.Stage(_fixture.ConsistentPage, seed: 6);

        var result = Run(photo.Bytes.AsMemory(0, photo.Bytes.Length / 2));

        Assert.Equal(ProtocolStatus.Rejected, result.Status);
        Assert.Equal(ReasonCodes.UnreadableImage, result.Rejection?.Code);
    }

    [Fact]
    public void Debug_folder_receives_every_stage_image()
    {
        string folder = Directory.CreateTempSubdirectory("protocol-ocr-debug-").FullName;
        try
        {
            var photo = PhotoStager.Stage(_fixture.ConsistentPage, seed: 7);

            _fixture.Pipeline.Process(photo.Bytes, Form, new PipelineRunOptions(folder), CancellationToken.None);

            string[] expected = ["01_decoded.png", "02_page.png", "03_aligned.png", "04_fields/L1.png", "04_fields/PC.png"];
            Assert.All(expected, name => Assert.True(new FileInfo(Path.Combine(folder, name)).Length > 0, name));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_cancelled_run_throws_and_is_not_a_rejection()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var photo = PhotoStager.Stage(_fixture.ConsistentPage, seed: 8);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _fixture.Pipeline.ProcessAsync(photo.Bytes, Form, PipelineRunOptions.Default, cancelled.Token));
    }

    private ProtocolRecognition Run(ReadOnlyMemory<byte> photo) =>
        _fixture.Pipeline.ProcessAsync(photo, Form, PipelineRunOptions.Default, CancellationToken.None).GetAwaiter().GetResult();

    private static void AssertValues(IReadOnlyDictionary<string, long> expected, ProtocolRecognition result)
    {
        var read = result.Fields.ToDictionary(f => f.FieldId, f => f.Value);
        Assert.Equal(expected.OrderBy(p => p.Key).Select(p => (p.Key, (long?)p.Value)), read.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
    }

    private static byte[] NoisePhoto()
    {
        using var noise = new OpenCvSharp.Mat(3000, 2250, OpenCvSharp.MatType.CV_8UC3);
        OpenCvSharp.Cv2.Randu(noise, OpenCvSharp.Scalar.All(0), OpenCvSharp.Scalar.All(255));
        OpenCvSharp.Cv2.ImEncode(".jpg", noise, out byte[] jpeg);
        return jpeg;
    }
}
