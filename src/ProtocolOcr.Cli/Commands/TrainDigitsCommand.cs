using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using ProtocolOcr.Cli.Training;
using ProtocolOcr.Synthetic.Handwriting;

namespace ProtocolOcr.Cli.Commands;

/// <summary>
/// <c>train-digits --out tessdata/digits [--seed S]</c>: trains the handwritten-digit engine from the MNIST Train part
/// and handwriting/printed fonts, writes its model files and prints accuracy per held-out source and file hashes.
/// </summary>
public static class TrainDigitsCommand
{
    public const int DefaultSeed = 20261123;

    public static Command Create()
    {
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Directory for the model files", Required = true };
        var seedOption = new Option<int>("--seed") { Description = "Seed for augmentation and MLP initialisation", DefaultValueFactory = _ => DefaultSeed };
        var command = new Command("train-digits", "Train the handwritten-digit engine (MNIST Train part + fonts) and report held-out accuracy");
        command.Options.Add(outOption);
        command.Options.Add(seedOption);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var target = parseResult.GetRequiredValue(outOption);
            var seed = parseResult.GetValue(seedOption);
            try
            {
                Run(target.FullName, seed, output, cancellationToken);
                return Task.FromResult(0);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
            {
                error.WriteLine($"train-digits: {e.Message}");
                return Task.FromResult(2);
            }
        });
        return command;
    }

    private static void Run(string directory, int seed, TextWriter output, CancellationToken cancellationToken)
    {
        using var rasterizer = new GlyphRasterizer();
        var dataset = new DigitDataset(MnistDigits.FromNodeModules(), FontCatalog.Debian(), rasterizer);
        var stopwatch = Stopwatch.StartNew();
        var training = dataset.Training(seed, cancellationToken);
        var validation = dataset.Validation();
        output.WriteLine($"training digits: {training.Count} ({string.Join(", ", training.GroupBy(d => d.Source).Select(g => $"{g.Key} {g.Count()}"))})");
        output.WriteLine($"training fonts: {string.Join(", ", dataset.TrainingFonts.Select(Path.GetFileName))}; held out: {Path.GetFileName(dataset.HeldOutFont)}");
        output.WriteLine($"validation digits: {validation.Count}; data ready in {stopwatch.Elapsed.TotalSeconds:F1} s");
        stopwatch.Restart();
        using var classifier = DigitTrainer.Train(training, validation, seed);
        output.WriteLine($"trained in {stopwatch.Elapsed.TotalSeconds:F1} s; accept threshold {classifier.Calibration.AcceptThreshold:F4}");
        classifier.Save(directory);
        output.WriteLine(DigitEvaluation.Score(classifier, "mnist-validation", validation));
        foreach (var (source, digits) in dataset.HeldOut(seed, cancellationToken))
        {
            output.WriteLine(DigitEvaluation.Score(classifier, source, digits));
        }

        foreach (var file in Directory.GetFiles(directory).Where(path => !path.EndsWith(".md", StringComparison.Ordinal)).Order())
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
            output.WriteLine($"{hash}  {Path.GetFileName(file)}  {new FileInfo(file).Length} bytes");
        }
    }
}
