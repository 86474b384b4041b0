using System.CommandLine;
using System.Diagnostics;
using OpenCvSharp;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Cli.Commands;

/// <summary>
/// <c>generate --form ID --level clean|phone|hard|bad --hand handwritten|printed|mixed --count N --seed S --out DIR</c>:
/// synthetic phone photos of filled protocols with ground truth (<c>&lt;name&gt;.jpg</c> + <c>&lt;name&gt;.truth.json</c>).
/// Same arguments, same bytes.
/// </summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var form = new Option<string>("--form") { Description = "Form id, e.g. kz.president.2019.", Required = true };
        var level = new Option<string>("--level") { Description = "Photo difficulty.", DefaultValueFactory = _ => "phone" };
        level.AcceptOnlyFromAmong("clean", "phone", "hard", "bad");
        var hand = new Option<string>("--hand") { Description = "How values are written.", DefaultValueFactory = _ => "handwritten" };
        hand.AcceptOnlyFromAmong("handwritten", "printed", "mixed");
        var count = new Option<int>("--count") { Description = "Number of photos.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed; photo i depends only on (seed, i).", DefaultValueFactory = _ => 1 };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "Output directory (created if missing).", Required = true };
        var violations = new Option<double>("--violations") { Description = "Fraction of protocols with a deliberately broken error relation.", DefaultValueFactory = _ => 0.05 };
        var jobs = new Option<int>("--jobs") { Description = "Photos generated in parallel (does not change the output).", DefaultValueFactory = _ => 1 };
        var maxMegapixels = new Option<double?>("--max-megapixels") { Description = "Cap the photo resolution (the level's scene is unchanged)." };
        var forms = new Option<DirectoryInfo?>("--forms") { Description = "Forms directory (default: PROTOCOLOCR_FORMS or the nearest forms/)." };

        var command = new Command("generate", "Generate synthetic protocol photos with ground truth.")
        {
            form, level, hand, count, seed, outDirectory, violations, jobs, maxMegapixels, forms,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            FormCatalog catalog;
            try
            {
                catalog = FormCatalog.LoadDirectory(parse.GetValue(forms)?.FullName ?? FormsDirectory.Locate());
            }
            catch (Exception exception) when (exception is DirectoryNotFoundException or FormDefinitionException)
            {
                await error.WriteLineAsync($"Cannot load the forms: {exception.Message}");
                return 2;
            }

            var formId = parse.GetValue(form)!;
            if (!catalog.FormIds.Contains(formId))
            {
                await error.WriteLineAsync($"{ReasonCodes.UnknownForm}: no form '{formId}'; known: {string.Join(", ", catalog.FormIds)}");
                return 2;
            }

            var definition = catalog.Get(formId);
            Mat blank;
            try
            {
                blank = BlankForm.Load(catalog, definition);
            }
            catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException)
            {
                await error.WriteLineAsync($"Cannot load the blank form: {exception.Message}");
                return 2;
            }

            using (blank)
            using (var generator = new ProtocolGenerator(MnistDigits.FromNodeModules(), FontCatalog.Debian()))
            {
                var options = new GenerationRun.Options(
                    Enum.Parse<CaptureLevel>(parse.GetValue(level)!, ignoreCase: true),
                    Enum.Parse<HandStyle>(parse.GetValue(hand)!, ignoreCase: true),
                    parse.GetValue(count),
                    parse.GetValue(seed),
                    parse.GetValue(outDirectory)!.FullName,
                    parse.GetValue(jobs),
                    parse.GetValue(violations),
                    parse.GetValue(maxMegapixels));
                var clock = Stopwatch.StartNew();
                var written = new GenerationRun(generator).Run(definition, blank, options, null, cancellationToken);
                var seconds = clock.Elapsed.TotalSeconds;
                await output.WriteLineAsync(
                    $"{written.Count} photos in {seconds:F1} s ({seconds / Math.Max(1, written.Count):F2} s per photo) -> {options.OutputDirectory}");
            }

            return 0;
        });
        return command;
    }
}
