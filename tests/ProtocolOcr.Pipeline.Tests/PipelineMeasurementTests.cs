using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.TestSupport;
using Xunit.Abstractions;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>
/// Accuracy over varied staged 12 MP photos (random consistent protocols, rotation, keystone, framing), with stage
/// times written to the test output. Asserts correctness only; times are reported, never asserted.
/// </summary>
public sealed class PipelineMeasurementTests : IClassFixture<PipelineFixture>
{
    private const int Photos = 12;
    private readonly PipelineFixture _fixture;
    private readonly ITestOutputHelper _output;

    public PipelineMeasurementTests(PipelineFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void Varied_photos_are_read_without_a_single_silent_error()
    {
        var random = new Random(42);
        int fields = 0;
        int correct = 0;
        int acceptedWrong = 0;
        int acceptedProtocols = 0;
        var timings = new List<StageTiming>();
        for (int seed = 100; seed < 100 + Photos; seed++)
        {
            var values = TestProtocols.Random(seed);
            using var page = ProtocolPageRenderer.Render(TestForms.Sample, values);
            var photo = PhotoStager.Stage(
                page, rotationDegrees: (random.NextDouble() * 30) - 15, keystone: random.NextDouble() * 0.15,
                pageHeightFraction: 0.65 + (random.NextDouble() * 0.15), seed: seed);

            var result = _fixture.Pipeline.Process(photo.Bytes, TestForms.Sample, PipelineRunOptions.Default, CancellationToken.None);

            timings.AddRange(result.Timings);
            acceptedProtocols += result.Status == ProtocolStatus.Accepted ? 1 : 0;
            foreach (var field in result.Fields)
            {
                fields++;
                bool right = field.Value == values[field.FieldId];
                correct += right ? 1 : 0;
                acceptedWrong += !right && field.Status == FieldStatus.Accepted ? 1 : 0;
            }
        }

        _output.WriteLine($"{Photos} photos 3000x4000: fields right {correct}/{fields}, accepted but wrong {acceptedWrong}, protocols accepted {acceptedProtocols}/{Photos}");
        _output.WriteLine("median ms per stage: " + string.Join(", ", timings.GroupBy(t => t.Stage)
            .Select(g => $"{g.Key} {Median(g.Select(t => t.Milliseconds)):F1}")));
        Assert.Equal(0, acceptedWrong);
        Assert.True(correct >= fields * 0.97, $"only {correct} of {fields} fields read right");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
