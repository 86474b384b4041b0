using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Synthesis;
using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Synthetic.Generation;

/// <summary>
/// Makes <c>count</c> photos of one form into a directory (<c>&lt;name&gt;.jpg</c> + <c>&lt;name&gt;.truth.json</c>).
/// Photo i depends only on (seed, i), so the parallel degree never changes the output.
/// </summary>
public sealed class GenerationRun(ProtocolGenerator generator)
{
    public sealed record Options(
        CaptureLevel Level,
        HandStyle Hand,
        int Count,
        int Seed,
        string OutputDirectory,
        int Parallelism = 1,
        double ViolationRate = 0.05,
        double? MaxMegapixels = null);

    public IReadOnlyList<string> Run(FormDefinition form, Mat blankPage, Options options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Count);
        Directory.CreateDirectory(options.OutputDirectory);
        var plan = SynthesisPlan.Create(form);
        var names = new string[options.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken };
        Parallel.For(0, options.Count, parallel, index =>
        {
            var request = new PhotoRequest(options.Level, options.Hand, options.Seed, index, options.ViolationRate, options.MaxMegapixels);
            var photo = generator.Generate(form, plan, blankPage, request);
            photo.WriteTo(options.OutputDirectory);
            names[index] = photo.PhotoFileName;
            progress?.Report(photo.PhotoFileName);
        });
        return names;
    }
}
