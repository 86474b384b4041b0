using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.TestSupport;
using Xunit.Abstractions;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>
/// CPU cost of each stage on a 12 MP JPEG (3000x4000), measured as the test thread's CPU time with OpenCV held to one
/// thread, so the figures hold on a busy machine. Reported in the test output; only the readings are asserted.
/// </summary>
public sealed class StageCostMeasurementTests : IClassFixture<PipelineFixture>
{
    private const int Rounds = 5;
    private readonly PipelineFixture _fixture;
    private readonly ITestOutputHelper _output;

    public StageCostMeasurementTests(PipelineFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void Measure_cpu_ms_per_stage_on_a_12_megapixel_jpeg()
    {
        var photo = PhotoStager.Stage(_fixture.ConsistentPage, seed: 51);
        var costs = new Dictionary<string, List<double>>();
        int previousThreads = Cv2.GetNumThreads();
        Cv2.SetNumThreads(1);
        try
        {
            for (int round = 0; round < Rounds; round++)
            {
                using var decoded = Measure(costs, "decode", () => new PhotoDecoder().Decode(photo.Bytes));
                var page = Measure(costs, "page", () => new PageDetector().Detect(decoded));
                using var aligned = Measure(costs, "align", () => new PerspectiveCorrector().Align(page, TestForms.Sample.ReferenceSize));
                Measure(costs, "orient", () => new PageOrientation(new FieldCropper(), _fixture.Reader).MakeUpright(aligned, TestForms.Sample, CancellationToken.None));
                var crops = Measure(costs, "crop", () => new FieldCropper().Crop(aligned, TestForms.Sample));
                var readings = Measure(costs, "read", () => crops.Select(c => _fixture.Reader.Read(c, CancellationToken.None)).ToList());
                foreach (var crop in crops)
                {
                    crop.Dispose();
                }

                Assert.All(readings, r => Assert.Equal(TestProtocols.Consistent[r.FieldId], r.Value));
            }
        }
        finally
        {
            Cv2.SetNumThreads(previousThreads);
        }

        var medians = costs.ToDictionary(pair => pair.Key, pair => pair.Value.Order().ElementAt(Rounds / 2));
        _output.WriteLine("median CPU ms per stage (one thread): " + string.Join(", ", medians.Select(p => $"{p.Key} {p.Value:F1}")));
        _output.WriteLine($"total {medians.Values.Sum():F0} ms; read {medians["read"] / TestForms.Sample.Fields.Count:F2} ms per field");
    }

    private static T Measure<T>(Dictionary<string, List<double>> costs, string stage, Func<T> work)
    {
        double start = ThreadCpuClock.Milliseconds();
        var result = work();
        double elapsed = ThreadCpuClock.Milliseconds() - start;
        if (!costs.TryGetValue(stage, out var list))
        {
            costs[stage] = list = [];
        }

        list.Add(elapsed);
        return result;
    }
}
