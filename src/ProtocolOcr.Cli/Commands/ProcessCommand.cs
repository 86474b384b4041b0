using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ProtocolOcr.Cli.Processing;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Pipeline;
using ProtocolOcr.Recognition.Tesseract;

namespace ProtocolOcr.Cli.Commands;

/// <summary>
/// <c>process PHOTO... [--json] [--form ID] [--forms DIR] [--debug DIR]</c>: runs the worker's pipeline in this process,
/// with no server or database, and prints each field's value, confidence and status. Exit code 0 when every photo was
/// processed (a rejected photo is a result), 2 for bad arguments (missing file, unknown form).
/// </summary>
public static class ProcessCommand
{
    public const string DefaultForm = "kz.president.2019";

    public static Command Create()
    {
        var photos = new Argument<FileInfo[]>("PHOTO") { Description = "Photos of protocols (JPEG, PNG, HEIC, WebP, ...).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the recognitions as JSON instead of tables." };
        var formId = new Option<string>("--form") { Description = "Form id the photos show.", DefaultValueFactory = _ => DefaultForm };
        var formsDirectory = new Option<DirectoryInfo?>("--forms") { Description = "Forms directory (default: PROTOCOLOCR_FORMS or the nearest forms/ folder)." };
        var debugDirectory = new Option<DirectoryInfo?>("--debug") { Description = "Write each stage's images to DIR/<photo name>/." };

        var command = new Command("process", "Read protocol photos locally with the worker's pipeline and print the fields.")
        {
            photos, json, formId, formsDirectory, debugDirectory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Before anything touches OpenCvSharp (see TesseractRuntime).
            TesseractRuntime.Initialize();
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;

            var files = parse.GetValue(photos)!;
            if (files.FirstOrDefault(file => !file.Exists) is { } missing)
            {
                await error.WriteLineAsync($"No such photo: {missing.FullName}");
                return 2;
            }

            await using var services = InProcessPipeline.Services(parse.GetValue(formsDirectory));
            IFormCatalog catalog;
            try
            {
                catalog = services.GetRequiredService<IFormCatalog>();
            }
            catch (Exception exception) when (exception is DirectoryNotFoundException or FormDefinitionException)
            {
                await error.WriteLineAsync($"Cannot load the forms: {exception.Message}");
                return 2;
            }

            string id = parse.GetValue(formId)!;
            if (!catalog.FormIds.Contains(id))
            {
                await error.WriteLineAsync($"{ReasonCodes.UnknownForm}: no form '{id}'; known: {string.Join(", ", catalog.FormIds)}");
                return 2;
            }

            var form = catalog.Get(id);
            var pipeline = services.GetRequiredService<IProtocolPipeline>();
            var debugRoot = parse.GetValue(debugDirectory);
            var results = new List<ProcessedPhoto>();
            foreach (var file in files)
            {
                byte[] bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
                var options = new PipelineRunOptions(debugRoot is null ? null : Path.Combine(debugRoot.FullName, file.Name));
                var recognition = await pipeline.ProcessAsync(bytes, form, options, cancellationToken);
                var result = new ProcessedPhoto(file.Name, recognition);
                results.Add(result);
                if (!parse.GetValue(json))
                {
                    ProcessResultTable.Write(output, form, result);
                }
            }

            if (parse.GetValue(json))
            {
                ProcessResultJson.Write(output, results);
            }

            return 0;
        });
        return command;
    }
}
