using System.CommandLine;
using System.Text.Json;
using ProtocolOcr.Cli.Commands;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Cli.Tests;

public sealed class BenchCommandTests
{
    private static readonly string[] CostFigures = ["photos_per_second", "core_seconds_per_photo", "peak_memory_mb"];

    [Fact]
    public async Task Benchmarks_generated_photos_per_level_with_the_same_figures_every_run()
    {
        var directory = GeneratedSet();
        var firstJson = Path.Combine(directory, "first.json");
        var secondJson = Path.Combine(directory, "second.json");

        var (exit, output, error) = await Run("bench", directory, "--json", firstJson);
        var (exitAgain, _, _) = await Run("bench", directory, "--json", secondJson);

        Assert.True(exit == 0, error);
        Assert.Equal(0, exitAgain);
        Assert.Contains("field_accuracy", output);
        using var first = JsonDocument.Parse(File.ReadAllText(firstJson));
        using var second = JsonDocument.Parse(File.ReadAllText(secondJson));
        var overall = first.RootElement.GetProperty("overall");
        Assert.Equal(3, overall.GetProperty("photos").GetInt32());
        Assert.Equal(1, overall.GetProperty("bad_photos").GetInt32());
        Assert.True(overall.GetProperty("fields").GetInt32() > 20);
        Assert.Equal(["bad", "clean"], first.RootElement.GetProperty("by_level").EnumerateObject().Select(level => level.Name).ToArray());
        Assert.Equal(QualityFigures(first.RootElement), QualityFigures(second.RootElement));
    }

    [Fact]
    public async Task A_folder_without_truth_files_is_an_argument_error()
    {
        var (exit, _, error) = await Run("bench", Directory.CreateTempSubdirectory("bench-empty-").FullName);

        Assert.Equal(2, exit);
        Assert.Contains("No truth files", error);
    }

    private static string QualityFigures(JsonElement report) =>
        string.Join(";", new[] { report.GetProperty("overall") }
            .Concat(report.GetProperty("by_level").EnumerateObject().Select(level => level.Value))
            .SelectMany(metrics => metrics.EnumerateObject().Where(figure => !CostFigures.Contains(figure.Name)))
            .Select(figure => $"{figure.Name}={figure.Value}"));

    /// <summary>Two clean photos and one too-dark photo of the shipped 2019 form, at 2 MP.</summary>
    private static string GeneratedSet()
    {
        var directory = Directory.CreateTempSubdirectory("bench-").FullName;
        var catalog = FormCatalog.LoadDirectory(FormsDirectory.Locate());
        var form = catalog.Get("kz.president.2019");
        using var blank = BlankForm.Load(catalog, form);
        using var generator = new ProtocolGenerator(MnistDigits.FromNodeModules(), FontCatalog.Debian());
        var run = new GenerationRun(generator);
        run.Run(form, blank, new GenerationRun.Options(CaptureLevel.Clean, HandStyle.Printed, 2, 4, directory, MaxMegapixels: 2), null, CancellationToken.None);
        var dark = generator.Generate(form, Core.Forms.Synthesis.SynthesisPlan.Create(form), blank, new PhotoRequest(CaptureLevel.Bad, HandStyle.Printed, 4, 1, MaxMegapixels: 2));
        dark.WriteTo(directory);
        return directory;
    }

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { BenchCommand.Create() };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
