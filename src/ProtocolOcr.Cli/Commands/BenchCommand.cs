using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ProtocolOcr.Cli.Benchmark;
using ProtocolOcr.Cli.Processing;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Pipeline;

namespace ProtocolOcr.Cli.Commands;

/// <summary>
/// <c>bench DIR [--json FILE] [--fields FILE] [--tolerance PX] [--stated-precinct TYPOS] [--forms DIR]</c>: runs the worker's pipeline in this process over every
/// photo in DIR that has a truth file and prints (and writes) accuracy, silent errors, review, registration, rejection
/// and cost figures, overall and per level. Exit code 0 when the run completed, 2 for bad arguments.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "Folder of photos with <name>.truth.json files (see generate)." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures as JSON to FILE." };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "Registration tolerance: how far a field box may land from its true place, in reference pixels (200 dpi, 8 px = 1 mm).",
            DefaultValueFactory = _ => 12,
        };
        var fieldDetails = new Option<FileInfo?>("--fields") { Description = "Also write one CSV row per field (truth, value read, status, reason, alternatives) to FILE." };
        var statedPrecinct = new Option<double?>("--stated-precinct")
        {
            Description = "Send each photo with the precinct an observer types on upload (the upload form requires it), this share (0..1) of them mistyped.",
        };
        var formsDirectory = new Option<DirectoryInfo?>("--forms") { Description = "Forms directory (default: PROTOCOLOCR_FORMS or the nearest forms/ folder)." };

        var command = new Command("bench", "Benchmark the pipeline on generated photos with ground truth.")
        {
            directory, json, tolerance, fieldDetails, statedPrecinct, formsDirectory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            // Registers the pipeline and loads libtesseract before anything touches OpenCvSharp.
            await using var services = InProcessPipeline.Services(parse.GetValue(formsDirectory));
            IReadOnlyList<BenchmarkCase> cases;
            IFormCatalog catalog;
            try
            {
                cases = BenchmarkCases.Load(parse.GetValue(directory)!.FullName);
                catalog = services.GetRequiredService<IFormCatalog>();
            }
            catch (Exception exception) when (exception is DirectoryNotFoundException or FileNotFoundException or InvalidDataException
                or System.Text.Json.JsonException or FormDefinitionException)
            {
                await error.WriteLineAsync(exception.Message);
                return 2;
            }

            if (cases.Count == 0)
            {
                await error.WriteLineAsync($"No truth files (*.truth.json) in {parse.GetValue(directory)!.FullName}.");
                return 2;
            }

            var unknown = cases.Select(@case => @case.Truth.FormId).Distinct().Where(id => !catalog.FormIds.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                await error.WriteLineAsync($"unknown_form: truth files name forms this installation lacks: {string.Join(", ", unknown)}");
                return 2;
            }

            var typos = parse.GetValue(statedPrecinct);
            if (typos is < 0 or > 1)
            {
                await error.WriteLineAsync($"--stated-precinct takes a share of typos from 0 to 1, not {typos}.");
                return 2;
            }

            var runner = new BenchmarkRunner(services.GetRequiredService<IProtocolPipeline>(), catalog, typos);
            var tolerancePixels = parse.GetValue(tolerance);
            var progress = new Progress<PhotoOutcome>(outcome => output.WriteLine(PhotoLine.Of(outcome, tolerancePixels)));
            var (outcomes, costs) = await runner.RunAsync(cases, progress, cancellationToken);
            var version = outcomes.Select(outcome => outcome.Recognition.PipelineVersion).FirstOrDefault() ?? "unknown";
            var report = MetricsCalculator.Report(outcomes, tolerancePixels, costs, version) with { StatedPrecinctTypoShare = typos };
            BenchmarkTable.Write(output, report);
            StageCostTable.Write(output, outcomes);
            if (parse.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, report.ToJson(), cancellationToken);
            }

            if (parse.GetValue(fieldDetails) is { } detailsFile)
            {
                await using var writer = new StreamWriter(detailsFile.FullName);
                FieldDetailsWriter.Write(writer, outcomes, parse.GetValue(tolerance));
            }

            return 0;
        });
        return command;
    }
}
